package org.zhiban.calendar;

import java.util.UUID;

/**
 * A year's holiday notice was loaded or corrected: deadlines counted on that year's provisional calendar may now
 * fall on other days, and whoever counted them recounts.
 */
public record HolidayNoticeLoaded(UUID eventId, int year) {
}
