package org.zhiban.instruction.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zhiban.instruction.InstructionLedgerSheet;
import org.zhiban.instruction.InstructionReply;
import org.zhiban.instruction.Instructions;
import org.zhiban.organization.Unit;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.ZhibanException;

/** The ledger's .xlsx, a feedback's written reply (.docx) and attached files, for the pages and the API alike. */
@Component
class InstructionFiles {

    private final Instructions instructions;
    private final Units units;
    private final Clock clock;

    InstructionFiles(Instructions instructions, Units units, Clock clock) {
        this.instructions = instructions;
        this.units = units;
        this.clock = clock;
    }

    /** The unit asked for, or the first the actor may see. */
    Unit unitOf(Actor actor, UUID unitId) {
        return unitId != null ? units.get(actor, unitId) : units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
    }

    ResponseEntity<byte[]> ledger(Actor actor, UUID unitId, boolean subtree, boolean open) {
        Unit unit = unitOf(actor, unitId);
        String title = (subtree ? "督办台账（含全部下级）" : "领导批示台账") + (open ? "（未办结）" : "") + " · " + unit.name();
        return Downloads.xlsx(title + ".xlsx", InstructionLedgerSheet.of(title,
                instructions.export(actor, unit.id(), subtree, open), clock.instant()));
    }

    ResponseEntity<byte[]> attachment(Actor actor, UUID instructionId, UUID attachmentId) {
        Instructions.AttachedFile file = instructions.attachment(actor, instructionId, attachmentId);
        return Downloads.attachment(file.attachment().fileName(), file.attachment().contentType(), file.content());
    }

    ResponseEntity<byte[]> reply(Actor actor, UUID instructionId, UUID feedbackId) {
        Instructions.Reply reply = instructions.reply(actor, instructionId, feedbackId);
        return Downloads.docx(InstructionReply.filename(reply.instruction(), reply.unit(), reply.feedback()),
                InstructionReply.of(reply.instruction(), reply.unit(), reply.feedback()));
    }
}
