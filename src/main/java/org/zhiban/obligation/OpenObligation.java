package org.zhiban.obligation;

import java.time.Instant;
import java.util.UUID;

/**
 * What a module gives to open an obligation.
 *
 * @param startedAt when the deadline's minutes began to count, if before the obligation is opened: an incident's
 *                  report deadline runs from the moment it was learned of (接报时间), which is often minutes before
 *                  the officer enters it; null when the clock starts at opening
 */
public record OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
        Instant dueAt, String citation, Instant startedAt) {

    public OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
            Instant dueAt, String citation) {
        this(obligorUnitId, kind, subjectModule, subjectId, title, dueAt, citation, null);
    }
}
