package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.support.FlakyListener;
import org.zhiban.support.IntegrationTestSupport;

/** A listener that failed on a passing fault is handed its event again a minute on, and then it is handled. */
class FailedEventRetriesIntegrationTests extends IntegrationTestSupport {

    @Autowired
    FailedEventRetries retries;

    @Autowired
    FlakyListener flaky;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFailedPublicationIsRetriedAfterAMinuteAndThenHandled() {
        String label = "retry-" + UUID.randomUUID();
        flaky.failNext(1);
        transactions.executeWithoutResult(status -> events.publishEvent(new FlakyListener.Nudge(label)));
        awaitFailed(label);

        clock.advance(Duration.ofSeconds(30));
        assertThat(retries.pass()).isZero();
        assertThat(flaky.handled()).doesNotContain(label);

        clock.advance(Duration.ofSeconds(31));
        assertThat(retries.pass()).isEqualTo(1);
        awaitEventsHandled();
        assertThat(flaky.handled()).containsOnlyOnce(label);
        assertThat(retries.pass()).isZero();
    }

    private void awaitFailed(String label) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE status = 'FAILED' AND serialized_event LIKE ?")
                .param("%" + label + "%").query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("the publication failed within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
    }
}
