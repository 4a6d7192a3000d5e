package org.zhiban.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit's filing of one holiday's duty arrangement with its superior: the deadline and the article it comes from,
 * where it stands, and the arrangement as filed (one line per shift). Times in China.
 */
public record HolidayFiling(UUID unitId, String unitName, UUID superiorId, String holidayName, LocalDate firstDay,
        LocalDate lastDay, OffsetDateTime dueAt, String citation, FilingStatus status, OffsetDateTime filedAt,
        String filedBy, OffsetDateTime updatedAt, String arrangement) {
}
