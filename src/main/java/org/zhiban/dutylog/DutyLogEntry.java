package org.zhiban.dutylog;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One version of a duty-log entry, with its number in the unit's log book of the year (e.g. 2026-000123). */
public record DutyLogEntry(UUID id, UUID unitId, String number, int year, int sequence, int version, EntryKind kind,
        OffsetDateTime occurredAt, String place, String summary, String callerName, String callerUnit,
        String callerPhone, String responsibleUnit, String handling, String outcome, FollowUp followUp,
        String correctionNote, OffsetDateTime recordedAt, String recordedBy) {

    static String number(int year, int sequence) {
        return String.format("%d-%06d", year, sequence);
    }
}
