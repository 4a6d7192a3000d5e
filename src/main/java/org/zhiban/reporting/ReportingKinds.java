package org.zhiban.reporting;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.obligation.ObligationKind;

/**
 * The obligations reporting opens. Reminders come a few minutes before deadlines of minutes; the superior hears of
 * an overdue incident report within minutes, since a late report is what the regulations hold people to account for.
 */
@Configuration(proxyBeanMethods = false)
public class ReportingKinds {

    public static final ObligationKind PHONE_REPORT = new ObligationKind("PHONE_REPORT", "突发事件电话报告",
            Duration.ofMinutes(3), Duration.ofMinutes(5), false);
    public static final ObligationKind WRITTEN_REPORT = new ObligationKind("WRITTEN_REPORT", "突发事件书面报告",
            Duration.ofMinutes(4), Duration.ofMinutes(5), false);
    /** Level III under a policy that sets one deadline for a report by either channel. */
    public static final ObligationKind REPORT = new ObligationKind("REPORT", "较大突发事件报告", Duration.ofMinutes(5),
            Duration.ofMinutes(5), false);
    public static final ObligationKind PHONE_FEEDBACK = new ObligationKind("PHONE_FEEDBACK", "调度核实电话反馈",
            Duration.ofMinutes(3), Duration.ofMinutes(10), false);
    public static final ObligationKind WRITTEN_FEEDBACK = new ObligationKind("WRITTEN_FEEDBACK", "调度核实书面反馈",
            Duration.ofMinutes(5), Duration.ofMinutes(10), false);
    public static final ObligationKind DAILY_REPORT = new ObligationKind("DAILY_REPORT", "节假日日报告",
            Duration.ofHours(1), Duration.ofHours(1), false);
    public static final ObligationKind HOLIDAY_SUMMARY = new ObligationKind("HOLIDAY_SUMMARY", "假期综合情况报告",
            Duration.ofHours(2), Duration.ofHours(1), false);
    public static final ObligationKind REPORT_MISSED = new ObligationKind("REPORT_MISSED", "漏报", Duration.ZERO,
            Duration.ZERO, false);
    public static final ObligationKind REPORT_CONCEALED = new ObligationKind("REPORT_CONCEALED", "瞒报", Duration.ZERO,
            Duration.ZERO, false);
    public static final ObligationKind REPORT_FALSE = new ObligationKind("REPORT_FALSE", "谎报", Duration.ZERO,
            Duration.ZERO, false);

    @Bean
    ObligationKind phoneReportKind() {
        return PHONE_REPORT;
    }

    @Bean
    ObligationKind writtenReportKind() {
        return WRITTEN_REPORT;
    }

    @Bean
    ObligationKind reportKind() {
        return REPORT;
    }

    @Bean
    ObligationKind phoneFeedbackKind() {
        return PHONE_FEEDBACK;
    }

    @Bean
    ObligationKind writtenFeedbackKind() {
        return WRITTEN_FEEDBACK;
    }

    @Bean
    ObligationKind dailyReportKind() {
        return DAILY_REPORT;
    }

    @Bean
    ObligationKind holidaySummaryKind() {
        return HOLIDAY_SUMMARY;
    }

    @Bean
    ObligationKind reportMissedKind() {
        return REPORT_MISSED;
    }

    @Bean
    ObligationKind reportConcealedKind() {
        return REPORT_CONCEALED;
    }

    @Bean
    ObligationKind reportFalseKind() {
        return REPORT_FALSE;
    }
}
