package org.zhiban.obligation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.obligation.internal.ObligationRepository;
import org.zhiban.organization.Subtrees.Reach;

/**
 * The timeliness ledger: per unit and period, the obligations due, fulfilled on time, fulfilled late, open and
 * overdue, and the mean and maximum lateness. Supervision, bulletins and evaluation read their figures from here.
 */
@Service
public class TimelinessLedger {

    private final ObligationRepository repository;
    private final Clock clock;

    TimelinessLedger(ObligationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Rows for the units reached from one that had obligations due in [from, to) — or one row per direct subordinate
     * over its whole subtree — the latest most often first.
     */
    @Transactional(readOnly = true)
    public List<Entry> entries(UUID unitId, Reach reach, boolean perSubordinate, Instant from, Instant to) {
        Instant now = clock.instant();
        return repository.ledger(unitId, reach, perSubordinate, from, to, now).stream()
                .map(row -> new Entry(row.unitId(), row.due(), row.onTime(), row.late(), row.openOverdue(),
                        row.waived(), row.breached(), row.meanLatenessSeconds() == null ? null
                                : Duration.ofSeconds(Math.round(row.meanLatenessSeconds())),
                        row.maxLatenessSeconds() == null ? null : Duration.ofSeconds(row.maxLatenessSeconds())))
                .sorted(Comparator.comparingLong(Entry::breached).thenComparingLong(Entry::late)
                        .thenComparingLong(Entry::openOverdue).reversed())
                .toList();
    }

    /**
     * One unit's timeliness in a period.
     *
     * @param late          fulfilled after the due time (迟报 for reports)
     * @param openOverdue   still open after the due time
     * @param breached      never met, found out and recorded afterwards (漏报, 瞒报, 谎报)
     * @param meanLateness  mean lateness of those fulfilled late
     * @param maxLateness   maximum lateness of those fulfilled
     */
    public record Entry(UUID unitId, long due, long onTime, long late, long openOverdue, long waived, long breached,
            Duration meanLateness, Duration maxLateness) {

        /** Share of obligations due that were fulfilled on time, 0–1; 1 when nothing was due. */
        public double onTimeRate() {
            long counted = due - waived;
            return counted <= 0 ? 1.0 : (double) onTime / counted;
        }
    }
}
