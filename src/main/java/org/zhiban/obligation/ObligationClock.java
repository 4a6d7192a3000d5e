package org.zhiban.obligation;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.obligation.internal.ObligationRepository;
import org.zhiban.shared.RepeatingPass;

/**
 * The clock: a pass over the indexed work list that any instance can run at any time. Each pass claims up to 500
 * due rows with {@code FOR UPDATE SKIP LOCKED}, records their firings (whose primary key forbids a second one) and
 * moves the rows on in two batched statements, and publishes one event per kind of step — all in one transaction,
 * whose events the publication registry keeps until they are handled. A step missed while every instance was down fires at the next pass and is
 * marked as fired late.
 */
@Component
public class ObligationClock extends RepeatingPass {

    private static final Logger log = LoggerFactory.getLogger(ObligationClock.class);
    private static final int BATCH = 500;
    /** Obligations per published event: keeps each serialised event well inside the registry's column. */
    private static final int PER_EVENT = 100;
    /** A row whose firing keeps failing waits this long, so that it cannot hold up every row due after it. */
    private static final Duration POISON_DELAY = Duration.ofMinutes(1);

    private final ObligationRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String instance;

    ObligationClock(ObligationRepository repository, ApplicationEventPublisher events, TransactionTemplate transaction,
            Clock clock, @Value("${zhiban.obligation.sweep-interval:PT0.25S}") Duration interval,
            @Value("${zhiban.instance-name:}") String instanceName) {
        super("obligation-clock", interval);
        this.repository = repository;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.instance = instanceName.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceName;
    }

    /** Fires every step that is due now; returns how many fired. Safe to run on several instances at once. */
    public int fireDue() {
        int total = 0;
        while (true) {
            int fired;
            try {
                fired = transaction.execute(status -> fireBatch(BATCH));
            }
            catch (RuntimeException batchFailed) {
                log.warn("A batch of the obligation clock failed; firing its rows one by one", batchFailed);
                fired = fireOneByOne();
            }
            if (fired == 0) {
                return total;
            }
            total += fired;
        }
    }

    /** After a failed batch: each row in its own transaction; a row that fails again is postponed, not retried at once. */
    private int fireOneByOne() {
        int fired = 0;
        for (int i = 0; i < BATCH; i++) {
            try {
                int one = transaction.execute(status -> fireBatch(1));
                if (one == 0) {
                    break;
                }
                fired += one;
            }
            catch (RuntimeException rowFailed) {
                transaction.executeWithoutResult(status -> repository.claimDue(clock.instant(), 1)
                        .forEach(stored -> {
                            log.error("Obligation {} cannot fire its {} step; retrying in {}", stored.obligation().id(),
                                    stored.nextStep(), POISON_DELAY, rowFailed);
                            repository.postpone(stored.obligation().id(), clock.instant().plus(POISON_DELAY));
                        }));
            }
        }
        return fired;
    }

    private int fireBatch(int limit) {
        Instant now = clock.instant();
        List<ObligationRepository.Stored> due = repository.claimDue(now, limit);
        List<ObligationRepository.Firing> firings = new ArrayList<>(due.size());
        Map<Step, List<ObligationEvents.Fired>> fired = new EnumMap<>(Step.class);
        for (ObligationRepository.Stored stored : due) {
            Step step = stored.nextStep();
            Obligation o = stored.obligation();
            boolean late = Duration.between(stored.nextFireAt(), now).compareTo(StepPlan.LATE_AFTER) > 0;
            Step next = StepPlan.after(step);
            Instant nextAt = next == null ? null
                    : nextFireAt(new StepPlan(o.reminderAt(), o.dueAt(), stored.superiorEscalationAt()).timeOf(next),
                            now, late);
            firings.add(new ObligationRepository.Firing(o.id(), step, stored.nextFireAt(), late,
                    o.overdue() || step == Step.OVERDUE, next, nextAt));
            fired.computeIfAbsent(step, s -> new ArrayList<>())
                    .add(new ObligationEvents.Fired(ObligationEvents.Summary.of(o), late));
        }
        repository.recordFirings(firings, now, instance);
        fired.forEach((step, list) -> {
            for (int from = 0; from < list.size(); from += PER_EVENT) {
                events.publishEvent(new ObligationEvents.ObligationStepsFired(step,
                        list.subList(from, Math.min(list.size(), from + PER_EVENT))));
            }
        });
        return due.size();
    }

    /**
     * A next step whose time passed before this one fired on time belongs to an obligation whose clock started before
     * it was opened: it fires at once and on time. After a late firing it keeps its time, and is marked late too.
     */
    static Instant nextFireAt(Instant scheduled, Instant now, boolean late) {
        return late ? scheduled : StepPlan.notBefore(scheduled, now);
    }

    public String instance() {
        return instance;
    }

    @Override
    protected int pass() {
        return fireDue();
    }
}
