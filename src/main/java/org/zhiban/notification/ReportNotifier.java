package org.zhiban.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.reporting.ReportingEvents;
import org.zhiban.shared.Role;

/**
 * Puts reports and verification requests in front of the duty office that must act on them, at once: a report
 * before the superior's duty officers (and, skip-level, the offices above), a signature or feedback before the
 * sender, a verification request before each target. The message carries the title and unit, never the content;
 * it reaches open pages live and raises their lists.
 */
@Component
class ReportNotifier {

    private static final Set<Role> DUTY_OFFICE = EnumSet.of(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final LiveUpdates live;
    private final Clock clock;

    ReportNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, LiveUpdates live, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.live = live;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ReportingEvents.MajorIncidentRegistered event) {
        for (UUID unitId : superiorAndAbove(event.superiorUnitId(), event.skipLevelUnitIds())) {
            tell(unitId, event.unitId(), "【新登记·" + event.severity() + "】" + event.title(),
                    "/reporting/incidents/" + event.incidentId(), "registered:" + event.incidentId() + ":" + unitId);
        }
    }

    @ApplicationModuleListener
    void on(ReportingEvents.ReportFiled event) {
        String title = "【" + event.stage().label() + "·" + event.channel().label() + "】" + event.title();
        for (UUID unitId : superiorAndAbove(event.superiorUnitId(), event.skipLevelUnitIds())) {
            tell(unitId, event.unitId(), title, "/reporting/incidents/" + event.incidentId(),
                    "report:" + event.reportId() + ":" + unitId);
        }
        live.publishAfterCommit(LiveEvent.obligations(event.unitId()));
    }

    @ApplicationModuleListener
    void on(ReportingEvents.ReportSigned event) {
        tell(event.unitId(), event.superiorUnitId(), "【已签收】" + event.title(),
                "/reporting/incidents/" + event.incidentId(), "signed:" + event.reportId());
    }

    @ApplicationModuleListener
    void on(ReportingEvents.VerificationRequested event) {
        for (UUID target : event.targetUnitIds()) {
            tell(target, event.fromUnitId(), "【调度核实】" + event.subject(), "/reporting#verification-" + event.requestId(),
                    "verification:" + event.requestId() + ":" + target);
        }
    }

    @ApplicationModuleListener
    void on(ReportingEvents.FeedbackGiven event) {
        tell(event.fromUnitId(), event.targetUnitId(), "【核实" + event.channel().label() + "反馈】" + event.subject(),
                "/reporting/inbox#verification-" + event.requestId(),
                "feedback:" + event.requestId() + ":" + event.targetUnitId() + ":" + event.channel());
    }

    /** The duty offices a subordinate's incident goes up to: its superior and, skip-level, the offices above. */
    private static List<UUID> superiorAndAbove(UUID superiorUnitId, List<UUID> skipLevelUnitIds) {
        List<UUID> recipients = new ArrayList<>();
        if (superiorUnitId != null) {
            recipients.add(superiorUnitId);
        }
        recipients.addAll(skipLevelUnitIds);
        return recipients;
    }

    /** A message to the duty office of {@code unitId} about something from {@code aboutUnitId}. */
    private void tell(UUID unitId, UUID aboutUnitId, String title, String link, String eventKey) {
        String unitName = unitTree.find(aboutUnitId).map(Unit::name).orElse("");
        for (Account account : accounts.holdersOf(unitId, DUTY_OFFICE)) {
            messenger.send(new Notification(UUID.randomUUID(), account.id(), Notification.Category.INFO, title,
                    unitName, null, link, null, clock.instant(), null), eventKey);
        }
    }
}
