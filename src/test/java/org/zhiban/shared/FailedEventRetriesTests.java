package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/** Which failed publications a pass hands back: failed ones last tried before the cutoff, none other. */
class FailedEventRetriesTests {

    private static final Instant CUTOFF = Instant.parse("2026-10-01T00:00:00Z");

    @Test
    void aFailedPublicationPublishedBeforeTheCutoffIsDue() {
        assertThat(FailedEventRetries.dueForRetry(new Publication(EventPublication.Status.FAILED,
                CUTOFF.minusSeconds(1), null), CUTOFF)).isTrue();
    }

    @Test
    void aFailedPublicationResubmittedSinceTheCutoffWaits() {
        assertThat(FailedEventRetries.dueForRetry(new Publication(EventPublication.Status.FAILED,
                CUTOFF.minusSeconds(600), CUTOFF.plusSeconds(1)), CUTOFF)).isFalse();
    }

    @Test
    void aPublicationStillInFlightIsLeftToItsListener() {
        assertThat(FailedEventRetries.dueForRetry(new Publication(EventPublication.Status.PROCESSING,
                CUTOFF.minusSeconds(600), null), CUTOFF)).isFalse();
    }

    private record Publication(Status status, Instant publicationDate, Instant lastResubmission)
            implements EventPublication {

        @Override
        public UUID getIdentifier() {
            return UUID.nameUUIDFromBytes(publicationDate.toString().getBytes());
        }

        @Override
        public Object getEvent() {
            return "event";
        }

        @Override
        public Instant getPublicationDate() {
            return publicationDate;
        }

        @Override
        public Optional<Instant> getCompletionDate() {
            return Optional.empty();
        }

        @Override
        public Status getStatus() {
            return status;
        }

        @Override
        public Instant getLastResubmissionDate() {
            return lastResubmission;
        }

        @Override
        public int getCompletionAttempts() {
            return 1;
        }
    }
}
