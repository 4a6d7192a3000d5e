package org.zhiban.obligation;

import java.time.Instant;
import java.util.UUID;

/**
 * What a module gives to open an obligation.
 *
 * @param startedAt when the deadline's minutes began to count, if before the obligation is opened: an incident's
 *                  report deadline runs from the moment it was learned of (接报时间), which is often minutes before
 *                  the officer enters it; null when the clock starts at opening
 * @param opensAt   when the obligation's window opens, shown as its opened time: a quarter's directory review is
 *                  owed in its last week and listed as coming (即将开始) before it; null when it opens now
 */
public record OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
        Instant dueAt, String citation, Instant startedAt, Instant opensAt) {

    public OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
            Instant dueAt, String citation, Instant startedAt) {
        this(obligorUnitId, kind, subjectModule, subjectId, title, dueAt, citation, startedAt, null);
    }

    public OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
            Instant dueAt, String citation) {
        this(obligorUnitId, kind, subjectModule, subjectId, title, dueAt, citation, null, null);
    }

    /** An obligation whose window opens at {@code opensAt}, listed as coming until then. */
    public static OpenObligation opening(UUID obligorUnitId, String kind, String subjectModule, String subjectId,
            String title, Instant opensAt, Instant dueAt, String citation) {
        return new OpenObligation(obligorUnitId, kind, subjectModule, subjectId, title, dueAt, citation, null,
                opensAt);
    }
}
