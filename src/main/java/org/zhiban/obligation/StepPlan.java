package org.zhiban.obligation;

import java.time.Duration;
import java.time.Instant;

/**
 * When each step of an obligation fires: the reminder a lead time before the due time (not when that moment has
 * already passed at opening), the overdue transition at the due time, the superior escalation a further delay
 * after it.
 */
record StepPlan(Instant reminderAt, Instant dueAt, Instant superiorEscalationAt) {

    static StepPlan of(ObligationKind kind, Instant openedAt, Instant dueAt) {
        Instant reminder = dueAt.minus(kind.reminderLead());
        boolean remind = !kind.reminderLead().isZero() && reminder.isAfter(openedAt);
        return new StepPlan(remind ? reminder : null, dueAt, dueAt.plus(kind.superiorEscalationDelay()));
    }

    /**
     * When the first step fires: at its time, or at once when that time has already passed at opening (a deadline
     * whose clock started before the obligation was opened) — on time, not as a step missed while instances were down.
     */
    Instant firstFireAt(Instant now) {
        return notBefore(timeOf(first()), now);
    }

    /** A step's time, or now when that time has passed: a step of a clock that started early fires at once. */
    static Instant notBefore(Instant scheduled, Instant now) {
        return scheduled.isBefore(now) ? now : scheduled;
    }

    Step first() {
        return reminderAt != null ? Step.REMINDER : Step.OVERDUE;
    }

    Instant timeOf(Step step) {
        return switch (step) {
            case REMINDER -> reminderAt;
            case OVERDUE -> dueAt;
            case SUPERIOR_ESCALATION -> superiorEscalationAt;
        };
    }

    /** The step after {@code step}, or null when the clock is done with the obligation. */
    static Step after(Step step) {
        return switch (step) {
            case REMINDER -> Step.OVERDUE;
            case OVERDUE -> Step.SUPERIOR_ESCALATION;
            case SUPERIOR_ESCALATION -> null;
        };
    }

    /** A step that fires more than this after its time was missed (every instance down) is marked as fired late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);
}
