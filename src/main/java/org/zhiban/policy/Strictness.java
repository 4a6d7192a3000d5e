package org.zhiban.policy;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Which way a rule's value is stricter. A unit may move a value only in that direction (DESIGN.md principle 1:
 * tighten, never loosen).
 */
public enum Strictness {
    /** More is stricter: a longer minimum shift, more people on duty, a longer lead time. */
    HIGHER,
    /** Less is stricter: a shorter deadline, fewer rings before answering. */
    LOWER,
    /** A requirement: true is stricter than false. */
    REQUIRED,
    /** An earlier time of day is stricter: a daily report due by 15:00 rather than 16:00. */
    EARLIER,
    /** More codes are stricter: a spot check failed on more results. A set is at least as strict as its subsets. */
    MORE_CODES;

    /**
     * Whether {@code candidate} is at least as strict as {@code reference}. Values of different types compare only
     * where the answer holds on every calendar: n working days of lead time are at least n days of lead time, and a
     * deadline of m days is no later than one of n working days when m ≤ n. Other mixed comparisons are refused.
     */
    public boolean atLeastAsStrict(RuleValue candidate, RuleValue reference) {
        if (this == MORE_CODES) {
            return candidate.type() == reference.type() && candidate.codes().containsAll(reference.codes());
        }
        if (candidate.type() == reference.type()) {
            int order = compareSameType(candidate, reference);
            return switch (this) {
                case HIGHER, REQUIRED -> order >= 0;
                case LOWER, EARLIER -> order <= 0;
                case MORE_CODES -> throw new IllegalStateException("compared above");
            };
        }
        boolean daysAgainstWorkingDays = candidate.type() == ValueType.DAYS && reference.type() == ValueType.WORKING_DAYS;
        boolean workingDaysAgainstDays = candidate.type() == ValueType.WORKING_DAYS && reference.type() == ValueType.DAYS;
        int c = Integer.parseInt(candidate.value());
        int r = Integer.parseInt(reference.value());
        if (this == HIGHER && workingDaysAgainstDays) {
            return c >= r;
        }
        if (this == LOWER && daysAgainstWorkingDays) {
            return c <= r;
        }
        return false;
    }

    private static int compareSameType(RuleValue a, RuleValue b) {
        return switch (a.type()) {
            case DURATION -> Duration.parse(a.value()).compareTo(Duration.parse(b.value()));
            case COUNT, WORKING_DAYS, DAYS -> Integer.compare(Integer.parseInt(a.value()), Integer.parseInt(b.value()));
            case BOOLEAN -> Boolean.compare(Boolean.parseBoolean(a.value()), Boolean.parseBoolean(b.value()));
            case TIME_OF_DAY -> LocalTime.parse(a.value()).compareTo(LocalTime.parse(b.value()));
            case CODES -> throw new IllegalStateException("code sets are not ordered");
        };
    }
}
