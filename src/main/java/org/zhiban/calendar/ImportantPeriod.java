package org.zhiban.calendar;

import java.time.Instant;
import java.util.UUID;

/**
 * A period of stricter duty (重要时段): declared by a unit for itself and its subordinates (a major meeting, a
 * sensitive date), or a statutory holiday.
 *
 * @param id           the declaration; null for a statutory holiday
 * @param sourceUnitId the unit that declared it; null for a statutory holiday
 */
public record ImportantPeriod(UUID id, UUID sourceUnitId, String name, Instant startsAt, Instant endsAt,
        Source source, String note) {

    public enum Source {
        DECLARED("单位设定"),
        STATUTORY_HOLIDAY("法定节假日");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean covers(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    public boolean overlaps(Instant from, Instant to) {
        return startsAt.isBefore(to) && endsAt.isAfter(from);
    }
}
