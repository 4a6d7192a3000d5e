package org.zhiban.dutylog;

import java.time.OffsetDateTime;

/**
 * What a duty officer writes: the elements the regulations name — time (to the minute; now when left out), place,
 * what happened, the caller with unit and number for a call, the responsible unit — with handling, outcome and
 * where it stands. {@code classified} true is refused: classified matters go through the classified channel.
 */
public record EntryCommand(EntryKind kind, OffsetDateTime occurredAt, String place, String summary, String callerName,
        String callerUnit, String callerPhone, String responsibleUnit, String handling, String outcome,
        FollowUp followUp, Boolean classified, String correctionNote) {
}
