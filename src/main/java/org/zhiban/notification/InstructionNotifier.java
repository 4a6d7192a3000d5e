package org.zhiban.notification;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhiban.identity.Account;
import org.zhiban.identity.Accounts;
import org.zhiban.instruction.InstructionEvents;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Role;

/**
 * Puts an instruction's steps before the duty office that must act next: a forwarded instruction before the acting
 * unit's, a feedback or extension request before the forwarding office's, a decision back before the acting unit's.
 * The title and number only; the instruction's text stays in the system.
 */
@Component
class InstructionNotifier {

    private static final Set<Role> DUTY_OFFICE = EnumSet.of(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);

    private final Messenger messenger;
    private final Accounts accounts;
    private final UnitTree unitTree;
    private final Clock clock;

    InstructionNotifier(Messenger messenger, Accounts accounts, UnitTree unitTree, Clock clock) {
        this.messenger = messenger;
        this.accounts = accounts;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(InstructionEvents.Forwarded event) {
        tell(event.unitId(), event.assignerUnitId(), event.title(), event.instructionId(),
                "instruction:" + event.eventId());
    }

    @ApplicationModuleListener
    void on(InstructionEvents.FeedbackFiled event) {
        tell(event.assignerUnitId(), event.unitId(), event.title(), event.instructionId(),
                "instruction:" + event.eventId());
    }

    @ApplicationModuleListener
    void on(InstructionEvents.Decided event) {
        tell(event.unitId(), event.assignerUnitId(), event.title(), event.instructionId(),
                "instruction:" + event.eventId());
    }

    private void tell(UUID unitId, UUID fromUnitId, String title, UUID instructionId, String eventKey) {
        String fromName = unitTree.find(fromUnitId).map(Unit::name).orElse("");
        for (Account account : accounts.holdersOf(unitId, DUTY_OFFICE)) {
            messenger.send(new Notification(UUID.randomUUID(), account.id(), Notification.Category.INFO, title,
                    fromName, null, "/instructions/" + instructionId, null, clock.instant(), null), eventKey);
        }
    }
}
