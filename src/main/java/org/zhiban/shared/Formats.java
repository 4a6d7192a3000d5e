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
        if (at == null) {
            return "";
        }
        OffsetDateTime china = at.atZoneSameInstant(Zones.CHINA).toOffsetDateTime();
        if (china.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return DAY.format(china.minusDays(1)) + " 24:00";
        }
        return DAY.format(china) + " " + Zones.CLOCK.format(china);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
}
