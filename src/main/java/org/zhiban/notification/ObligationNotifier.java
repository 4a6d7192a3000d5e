package org.zhiban.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.obligation.ObligationEvents;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Role;
import org.zhiban.shared.Zones;

/**
 * Turns the clock's announcements into messages: a reminder to the obligor's duty office, an overdue notice to its
 * leader on duty and duty office head, an escalation to the superior's duty office. Each runs in its own
 * transaction after the clock's commits, and the publication registry retries it until it succeeds; a unique index
 * keeps a retried event from notifying twice.
 */
@Component
class ObligationNotifier {

    private static final Set<Role> DUTY_OFFICE = EnumSet.of(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);
    private static final Set<Role> LEADERSHIP = EnumSet.of(Role.LEADER_ON_DUTY, Role.DUTY_OFFICE_HEAD);

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final ObligationKinds kinds;
    private final LiveUpdates live;
    private final Clock clock;

    ObligationNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, ObligationKinds kinds,
            LiveUpdates live, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.kinds = kinds;
        this.live = live;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ObligationEvents.ObligationStepsFired event) {
        Map<Recipients, List<Account>> recipientsByUnit = new HashMap<>();
        Set<UUID> changedUnits = new HashSet<>();
        for (ObligationEvents.Fired fired : event.fired()) {
            ObligationEvents.Summary obligation = fired.obligation();
            UUID obligor = obligation.obligorUnitId();
            switch (event.step()) {
                case REMINDER -> notify(obligation, recipients(recipientsByUnit, obligor, DUTY_OFFICE),
                        Notification.Category.REMINDER, "【即将到期】", fired.late());
                case OVERDUE -> {
                    notify(obligation, recipients(recipientsByUnit, obligor, LEADERSHIP), Notification.Category.OVERDUE,
                            "【已逾期】", fired.late());
                    changedUnits.add(obligor);
                }
                case SUPERIOR_ESCALATION -> unitTree.find(obligor).map(Unit::parentId).ifPresent(superior ->
                        notify(obligation, recipients(recipientsByUnit, superior, DUTY_OFFICE),
                                Notification.Category.ESCALATION, "【下级逾期】", fired.late()));
            }
        }
        changedUnits.forEach(unit -> live.publishAfterCommit(LiveEvent.obligations(unit)));
    }

    /** The accounts of a unit holding the roles; looked up once per unit and role set within one batch. */
    private List<Account> recipients(Map<Recipients, List<Account>> cache, UUID unitId, Set<Role> roles) {
        return cache.computeIfAbsent(new Recipients(unitId, roles), k -> accounts.holdersOf(unitId, roles));
    }

    private record Recipients(UUID unitId, Set<Role> roles) {
    }

    /**
     * Opening and closing only tell open pages to refresh their lists: heard in the writer's transaction and sent
     * after its commit, without a durable publication — a refresh missed in a crash costs nothing, while a
     * publication per obligation cost each report several statements and a transaction of its own.
     */
    @EventListener
    void on(ObligationEvents.ObligationOpened event) {
        live.publishAfterCommit(LiveEvent.obligations(event.obligation().obligorUnitId()));
    }

    @EventListener
    void on(ObligationEvents.ObligationClosed event) {
        live.publishAfterCommit(LiveEvent.obligations(event.obligation().obligorUnitId()));
    }

    /** Title, unit and deadline only: the message says what is due where and when, never what a report says. */
    private void notify(ObligationEvents.Summary obligation, List<Account> recipients, Notification.Category category,
            String prefix, boolean late) {
        if (recipients.isEmpty()) {
            return;
        }
        String unitName = unitTree.find(obligation.obligorUnitId()).map(Unit::name).orElse("");
        String title = prefix + kinds.label(obligation.kind()) + "：" + obligation.title() + (late ? "（补发）" : "");
        Instant now = clock.instant();
        for (Account account : recipients) {
            Notification notification = new Notification(UUID.randomUUID(), account.id(), category, title, unitName,
                    obligation.dueAt(), "/#obligation-" + obligation.obligationId(), obligation.obligationId(), now,
                    null);
            messenger.send(notification, null);
        }
    }

    static String deadline(Instant dueAt) {
        return Zones.MINUTE.format(dueAt);
    }
}
