package org.zhiban.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Role;
import org.zhiban.supervision.SupervisionEvents;

/** Tells a duty office at once of a roll call it is called to, a video request, or an answer to its leave. */
@Component
class SupervisionNotifier {

    private static final Set<Role> DUTY_OFFICE = EnumSet.of(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final Clock clock;

    SupervisionNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(SupervisionEvents.Notice event) {
        String fromName = unitTree.find(event.fromUnitId()).map(Unit::name).orElse("");
        for (Account account : accounts.holdersOf(event.unitId(), DUTY_OFFICE)) {
            messenger.send(new Notification(UUID.randomUUID(), account.id(), Notification.Category.INFO,
                    event.title(), fromName, null, event.link(), null, clock.instant(), null),
                    "supervision:" + event.eventId());
        }
    }
}
