package org.zhiban.shared;

import java.time.Instant;

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
}
