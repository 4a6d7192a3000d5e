package org.zhiban.supervision;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.obligation.ObligationKind;

/**
 * The obligations supervision opens. Coming online and pushing video are owed within minutes: no reminder, the
 * superior told ten minutes after. The report of a roll call's points is reminded an hour ahead; a rectification
 * report a day ahead; the year's coverage a week ahead; a consultation a day before its period.
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionKinds {

    public static final ObligationKind VIDEO_CONFERENCE_ONLINE = new ObligationKind("VIDEO_CONFERENCE_ONLINE",
            "视频会议调试上线", Duration.ZERO, Duration.ofMinutes(10), false);
    public static final ObligationKind VIDEO_PUSH = new ObligationKind("VIDEO_PUSH", "视频图像推送", Duration.ZERO,
            Duration.ofMinutes(10), false);
    public static final ObligationKind ROLL_CALL_REPORTED_TO_HEAD = new ObligationKind("ROLL_CALL_REPORTED_TO_HEAD",
            "视频点名会议要点向本单位负责同志报告", Duration.ofHours(1), Duration.ofHours(1), false);

    public static final ObligationKind RECTIFICATION = new ObligationKind("RECTIFICATION", "整改情况报告",
            Duration.ofDays(1), Duration.ofDays(1), false);

    /** The year's inspection of a unit still owed from November; reminded a week ahead of the year's end. */
    public static final ObligationKind INSPECTION_COVERAGE = new ObligationKind("INSPECTION_COVERAGE",
            "年度值班检查全覆盖", Duration.ofDays(7), Duration.ofDays(1), false);

    /** A consultation owed before a holiday or important period; reminded a day ahead of its start. */
    public static final ObligationKind CONSULTATION = new ObligationKind("CONSULTATION", "节假日和重要时段前值班会商",
            Duration.ofDays(1), Duration.ofHours(1), false);

    @Bean
    ObligationKind consultationKind() {
        return CONSULTATION;
    }

    @Bean
    ObligationKind inspectionCoverageKind() {
        return INSPECTION_COVERAGE;
    }

    @Bean
    ObligationKind rectificationKind() {
        return RECTIFICATION;
    }

    @Bean
    ObligationKind videoConferenceOnlineKind() {
        return VIDEO_CONFERENCE_ONLINE;
    }

    @Bean
    ObligationKind videoPushKind() {
        return VIDEO_PUSH;
    }

    @Bean
    ObligationKind rollCallReportedToHeadKind() {
        return ROLL_CALL_REPORTED_TO_HEAD;
    }
}
