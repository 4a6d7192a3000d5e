package org.zhiban.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A filed holiday daily report or holiday summary. */
public record DailyReport(UUID id, UUID unitId, String unitName, LocalDate day, String kind, String kindLabel,
        boolean nil, String content, String filedByName, OffsetDateTime filedAt) {
}
