package org.zhiban.dutylog;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One version of a duty-log entry, with its number in the unit's log book of the year (e.g. 2026-000123).
 * {@code writtenByName} and {@code writtenForName} say who wrote it for whom when the writer was not on the shift.
 */
public record DutyLogEntry(UUID id, UUID unitId, String number, int year, int sequence, int version, EntryKind kind,
        OffsetDateTime occurredAt, String place, String summary, String callerName, String callerUnit,
        String callerPhone, String responsibleUnit, String handling, String outcome, FollowUp followUp,
        String correctionNote, OffsetDateTime recordedAt, String recordedBy, String writtenByName,
        String writtenForName) {

    /** "由 X 代本班值班员 Y 记录" for an entry written by someone not on the shift; null when an officer wrote it. */
    public String writtenFor() {
        return writtenForName == null ? null : "由 " + writtenByName + " 代" + writtenForName + " 记录";
    }

    static String number(int year, int sequence) {
        return String.format("%d-%06d", year, sequence);
    }
}
