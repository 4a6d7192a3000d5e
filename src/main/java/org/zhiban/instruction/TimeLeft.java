package org.zhiban.instruction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.zhiban.shared.Zones;

/**
 * How much time an open instruction has left, as the 督办台账 marks it in colour and in words: 已超期 (red) once
 * overdue, 将到期 (yellow) when due today or tomorrow, 临近 (blue) at three days or less, China time.
 */
public enum TimeLeft {
    OVERDUE("已超期", "text-bg-danger"),
    DUE_SOON("将到期", "text-bg-warning"),
    NEAR("临近", "text-bg-primary"),
    AHEAD("", "");

    private final String label;
    private final String badge;

    TimeLeft(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }

    /** The mark of a deadline at {@code now}: by the day it falls on, the end of a day belonging to that day. */
    public static TimeLeft of(Instant dueAt, Instant now) {
        if (!now.isBefore(dueAt)) {
            return OVERDUE;
        }
        long days = ChronoUnit.DAYS.between(now.atZone(Zones.CHINA).toLocalDate(), Instructions.dueDate(dueAt));
        return days <= 1 ? DUE_SOON : days <= 3 ? NEAR : AHEAD;
    }
}
