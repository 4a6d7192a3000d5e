package org.zhiban.shared;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formatting for templates, as {@code @fmt.minute(instant)}: instants shown in China Standard Time. */
@Component("fmt")
public class Formats {

    public String minute(Instant instant) {
        return instant == null ? "" : Zones.MINUTE.format(instant);
    }

    public String second(Instant instant) {
        return instant == null ? "" : Zones.SECOND.format(instant);
    }

    /**
     * A deadline as offices write it, month and day first: one at midnight is the end of the day before
     * ("12-29 24:00"), which is how "by the 29th" reads, rather than the start of the next.
     */
    public String deadline(OffsetDateTime at) {
        return deadline(at, DAY);
    }

    /** A deadline as {@link #deadline} writes it, with its year ("2026-12-29 24:00"): for files kept on record. */
    public static String datedDeadline(OffsetDateTime at) {
        return deadline(at, DATE);
    }

    private static String deadline(OffsetDateTime at, DateTimeFormatter day) {
        if (at == null) {
            return "";
        }
        OffsetDateTime china = at.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
        if (china.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return day.format(china.minusDays(1)) + " 24:00";
        }
        return day.format(china) + " " + Zones.CLOCK.format(china);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
}
