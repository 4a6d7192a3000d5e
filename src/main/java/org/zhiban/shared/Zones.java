package org.zhiban.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants are stored in UTC and shown in China Standard Time. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

    public static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(CHINA);

    public static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CHINA);

    /** An instant as the time in China, as the API shows times (ISO-8601 with +08:00). */
    public static OffsetDateTime china(Instant instant) {
        return OffsetDateTime.ofInstant(instant, CHINA);
    }

    /** A time of day typed on a page (China time) as a moment; null stays null. */
    public static OffsetDateTime china(LocalDateTime typed) {
        return typed == null ? null : typed.atZone(CHINA).toOffsetDateTime();
    }

    private Zones() {
    }
}
