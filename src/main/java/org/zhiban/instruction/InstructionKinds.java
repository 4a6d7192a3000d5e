package org.zhiban.instruction;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.obligation.ObligationKind;

/**
 * The obligations an instruction opens. The report to the unit's head is owed at once (第十八条 立即): no reminder, the
 * superior told half an hour after. Feedback is reminded a day ahead and the superior told a day after.
 */
@Configuration(proxyBeanMethods = false)
public class InstructionKinds {

    public static final ObligationKind REPORTED_TO_HEAD = new ObligationKind("INSTRUCTION_REPORTED_TO_HEAD",
            "批示向本单位负责同志报告", Duration.ZERO, Duration.ofMinutes(30), false);
    public static final ObligationKind FEEDBACK = new ObligationKind("INSTRUCTION_FEEDBACK", "批示落实情况反馈",
            Duration.ofDays(1), Duration.ofDays(1), false);

    @Bean
    ObligationKind instructionReportedToHeadKind() {
        return REPORTED_TO_HEAD;
    }

    @Bean
    ObligationKind instructionFeedbackKind() {
        return FEEDBACK;
    }
}
