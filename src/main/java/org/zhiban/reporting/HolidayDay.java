package org.zhiban.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * One unit's holiday reporting on one day: what is due (and when), what it filed.
 *
 * @param holidayName null when the day is not a statutory holiday
 */
public record HolidayDay(UUID unitId, String unitName, LocalDate day, String holidayName, boolean lastDay,
        List<ObligationView> obligations, List<DailyReport> reports) {

    public boolean isHoliday() {
        return holidayName != null;
    }

    public boolean filed(String kind) {
        return reports.stream().anyMatch(r -> r.kind().equals(kind));
    }

    public boolean due(String kind) {
        return obligations.stream().anyMatch(o -> o.kind().equals(kind));
    }
}
