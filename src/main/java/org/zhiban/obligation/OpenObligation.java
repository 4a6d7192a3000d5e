package org.zhiban.obligation;

import java.time.Instant;
import java.util.UUID;

/** What a module gives to open an obligation. */
public record OpenObligation(UUID obligorUnitId, String kind, String subjectModule, String subjectId, String title,
        Instant dueAt, String citation) {
}
