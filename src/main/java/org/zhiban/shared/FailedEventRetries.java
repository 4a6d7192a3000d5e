package org.zhiban.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Hands a failed event back to its listener a while after it failed. A listener that met a passing fault — a lock
 * timeout, a dropped connection, a deadlock victim — left its publication failed until the next restart, and with it
 * a reminder, an escalation or a report's notice unsent; now every instance retries such publications a minute on,
 * and again each minute until the listener succeeds (the registry lets one instance claim each).
 */
@Component
class FailedEventRetries extends RepeatingPass {

    /** Long enough for a passing fault to pass; short against the minutes a reporting deadline allows. */
    static final Duration MIN_AGE = Duration.ofMinutes(1);

    private final FailedEventPublications failed;
    private final Clock clock;

    FailedEventRetries(FailedEventPublications failed, Clock clock,
            @Value("${zhiban.events.retry-interval:PT30S}") Duration interval) {
        super("failed-event-retries", interval);
        this.failed = failed;
        this.clock = clock;
    }

    @Override
    protected int pass() {
        Instant cutoff = clock.instant().minus(MIN_AGE);
        AtomicInteger resubmitted = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(MIN_AGE).withFilter(publication -> {
            boolean due = dueForRetry(publication, cutoff);
            if (due) {
                resubmitted.incrementAndGet();
            }
            return due;
        }));
        return resubmitted.get();
    }

    /** Failed, and last tried (published or resubmitted) before the cutoff. */
    static boolean dueForRetry(EventPublication publication, Instant cutoff) {
        Instant lastTried = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return publication.getStatus() == EventPublication.Status.FAILED && lastTried.isBefore(cutoff);
    }
}
