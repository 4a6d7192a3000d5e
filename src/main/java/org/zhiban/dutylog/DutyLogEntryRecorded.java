package org.zhiban.dutylog;

import java.util.UUID;

/** An entry was written or corrected (version above 1), for other modules (handover, reporting). */
public record DutyLogEntryRecorded(UUID entryId, UUID unitId, String number, int version, EntryKind kind,
        FollowUp followUp) {
}
