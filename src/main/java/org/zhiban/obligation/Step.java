package org.zhiban.obligation;

/** The clock's steps for an open obligation, in the order they fire. */
public enum Step {
    /** Before the due time, by the kind's lead time: the obligor is reminded. */
    REMINDER,
    /** At the due time: the obligation becomes overdue and escalates to the obligor's leader on duty and duty office head. */
    OVERDUE,
    /** A further delay after the due time, still open: the superior's duty office is told. */
    SUPERIOR_ESCALATION
}
