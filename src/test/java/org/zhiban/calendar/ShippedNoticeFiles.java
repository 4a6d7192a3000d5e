package org.zhiban.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;

/** The shipped notices read straight from the classpath, for tests that need no database. */
final class ShippedNoticeFiles {

    private ShippedNoticeFiles() {
    }

    static HolidayNotice notice(int year) {
        try {
            return HolidayNotice.parse(year, new ClassPathResource("calendar/cn-" + year + ".txt")
                    .getContentAsString(StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A year as the application builds it: its own notice plus days the next year's notice names. */
    static YearCalendar calendar(int year) {
        List<HolidayNotice.Day> days = new ArrayList<>(notice(year).days());
        if (new ClassPathResource("calendar/cn-" + (year + 1) + ".txt").exists()) {
            days.addAll(notice(year + 1).days());
        }
        return YearCalendar.build(year, true, days);
    }
}
