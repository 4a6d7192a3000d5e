package org.zhiban.reporting;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.zhiban.shared.RepeatingPass;

/** Opens each statutory-holiday day's daily-report obligations soon after midnight, on whichever instance runs first. */
@Component
class HolidayReportPass extends RepeatingPass {

    private final HolidayReports holidayReports;

    HolidayReportPass(HolidayReports holidayReports,
            @Value("${zhiban.reporting.holiday-pass-interval:PT5M}") Duration interval) {
        super("holiday-report-pass", interval);
        this.holidayReports = holidayReports;
    }

    @Override
    protected int pass() {
        return holidayReports.openToday();
    }
}
