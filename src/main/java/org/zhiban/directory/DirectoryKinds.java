package org.zhiban.directory;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.obligation.ObligationKind;

/**
 * The obligations the directory opens. A notice is recorded when it is filed, against the deadline it names; a return
 * not recorded by the notified date is overdue at once and its superior hears of it within the hour.
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryKinds {

    public static final ObligationKind ABSENCE_NOTICE = new ObligationKind("ABSENCE_NOTICE", "主要负责同志外出请假报备",
            Duration.ZERO, Duration.ZERO, false);
    public static final ObligationKind ABSENCE_RETURN = new ObligationKind("ABSENCE_RETURN", "主要负责同志外出销假",
            Duration.ZERO, Duration.ofHours(1), false);
    /** A quarter's directory review: reminded two days before the quarter ends, the superior told a day after. */
    public static final ObligationKind DIRECTORY_REVIEW = new ObligationKind("DIRECTORY_REVIEW", "值班通讯录季度检查更新",
            Duration.ofDays(2), Duration.ofDays(1), false);
    public static final ObligationKind OBITUARY_NOTICE = new ObligationKind("OBITUARY_NOTICE", "讣告信息报送",
            Duration.ZERO, Duration.ZERO, false);

    @Bean
    ObligationKind absenceNoticeKind() {
        return ABSENCE_NOTICE;
    }

    @Bean
    ObligationKind absenceReturnKind() {
        return ABSENCE_RETURN;
    }

    @Bean
    ObligationKind directoryReviewKind() {
        return DIRECTORY_REVIEW;
    }

    @Bean
    ObligationKind obituaryNoticeKind() {
        return OBITUARY_NOTICE;
    }
}
