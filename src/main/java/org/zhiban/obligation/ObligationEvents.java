package org.zhiban.obligation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the clock announces; the notification module turns these into messages. */
public final class ObligationEvents {

    private ObligationEvents() {
    }

    /** The facts every message may carry: title, unit and deadline — never report content. */
    public record Summary(UUID obligationId, UUID obligorUnitId, String kind, String title, Instant dueAt,
            String citation) {

        static Summary of(Obligation o) {
            return new Summary(o.id(), o.obligorUnitId(), o.kind(), o.title(), o.dueAt(), o.citation());
        }
    }

    public record ObligationOpened(Summary obligation) {
    }

    /**
     * The clock fired one kind of step for a batch of obligations: reminders, overdue transitions or superior
     * escalations. One event per batch keeps a burst of thousands of deadlines in the same second cheap to record.
     */
    public record ObligationStepsFired(Step step, List<Fired> fired) {

        public ObligationStepsFired {
            fired = List.copyOf(fired);
        }
    }

    /** One obligation whose step fired, and whether it fired late (every instance was down at its time). */
    public record Fired(Summary obligation, boolean late) {
    }

    public record ObligationClosed(Summary obligation, ObligationStatus status, Instant at) {
    }
}
