package org.zhiban.obligation;

import java.time.Duration;

/**
 * A kind of obligation, declared as a bean by the module that opens it: its label, how long before the due time
 * the reminder fires, and how long after it the superior's duty office is told. Both can be changed per kind with
 * {@code zhiban.obligation.kinds.<CODE>.reminder-lead} and {@code ...superior-escalation-delay}.
 *
 * @param manual whether people may open obligations of this kind through the API (an assigned task)
 */
public record ObligationKind(String code, String label, Duration reminderLead, Duration superiorEscalationDelay,
        boolean manual) {

    public ObligationKind {
        if (reminderLead.isNegative() || superiorEscalationDelay.isNegative()) {
            throw new IllegalArgumentException("lead and delay of " + code + " must not be negative");
        }
    }
}
