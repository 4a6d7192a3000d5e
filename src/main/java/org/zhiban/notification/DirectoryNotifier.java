package org.zhiban.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.directory.DirectoryEvents;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.PrincipalChanged;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Role;

/**
 * Puts principals' movements before the duty office that must know: an absence, its return or extension, an
 * obituary and a principal's change of post or contact before the superior's; a decision on an absence before the
 * unit that asked. Title and unit only, like every message.
 */
@Component
class DirectoryNotifier {

    private static final Set<Role> DUTY_OFFICE = EnumSet.of(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final Clock clock;

    DirectoryNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(DirectoryEvents.AbsenceNotified event) {
        tell(event.superiorUnitId(), event.unitId(), event.title(), "/directory/notices#absence-" + event.noticeId(),
                "absence:" + event.noticeId());
    }

    @ApplicationModuleListener
    void on(DirectoryEvents.AbsenceDecided event) {
        tell(event.unitId(), event.superiorUnitId(), event.title(), "/directory/notices#absence-" + event.noticeId(),
                "absence-decided:" + event.noticeId());
    }

    @ApplicationModuleListener
    void on(DirectoryEvents.AbsenceUpdated event) {
        tell(event.superiorUnitId(), event.unitId(), event.title(), "/directory/notices#absence-" + event.noticeId(),
                "absence-updated:" + event.noticeId() + ":" + event.title().hashCode());
    }

    @ApplicationModuleListener
    void on(DirectoryEvents.ObituaryNotified event) {
        tell(event.superiorUnitId(), event.unitId(), event.title(), "/directory/notices#obituary-" + event.noticeId(),
                "obituary:" + event.noticeId());
    }

    @ApplicationModuleListener
    void on(PrincipalChanged event) {
        UUID superior = unitTree.find(event.unitId()).map(Unit::parentId).orElse(null);
        tell(superior, event.unitId(), "【主要负责同志信息变动】" + event.name() + "：" + String.join("、", event.changed())
                + "已更新", "/people/" + event.personId(), "principal-changed:" + event.personId() + ":"
                        + event.version());
    }

    /** A message to the duty office of {@code unitId} about {@code aboutUnitId}; nothing above the top unit. */
    private void tell(UUID unitId, UUID aboutUnitId, String title, String link, String eventKey) {
        if (unitId == null) {
            return;
        }
        String unitName = unitTree.find(aboutUnitId).map(Unit::name).orElse("");
        for (Account account : accounts.holdersOf(unitId, DUTY_OFFICE)) {
            messenger.send(new Notification(UUID.randomUUID(), account.id(), Notification.Category.INFO, title,
                    unitName, null, link, null, clock.instant(), null), eventKey);
        }
    }
}
