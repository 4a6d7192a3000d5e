package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhiban.support.IntegrationTestSupport;
import org.zhiban.support.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

/** On PostgreSQL, the live events of one transaction reach the other instances in one NOTIFY (ADR 0009). */
class LiveBroadcastIntegrationTests extends IntegrationTestSupport {

    @Autowired
    LiveUpdates live;

    @Autowired
    TransactionTemplate transactions;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTransactionsLiveEventsTravelInOneNotify() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "NOTIFY is PostgreSQL's");
        List<LiveEvent> events = List.of(LiveEvent.notification(UUID.randomUUID(), "【首报·书面】交通事故"),
                LiveEvent.notification(UUID.randomUUID(), "【首报·书面】交通事故"), LiveEvent.obligations(UUID.randomUUID()));
        try (Connection listener = DriverManager.getConnection(TestDatabase.url(), TestDatabase.user(),
                TestDatabase.password()); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN " + LiveBroadcastConfiguration.CHANNEL);

            transactions.executeWithoutResult(status -> events.forEach(live::publishAfterCommit));

            List<List<LiveEvent>> received = new ArrayList<>();
            Set<LiveEvent> wanted = Set.copyOf(events);
            // Waits for the event to arrive (at most 10 s), not for time to pass; other tests' events are left aside.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (received.stream().mapToLong(List::size).sum() < events.size() && System.nanoTime() < deadline) {
                PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                    List<LiveEvent> ours = List.of(json.readValue(notification.getParameter(), LiveEvent[].class))
                            .stream().filter(wanted::contains).collect(Collectors.toList());
                    if (!ours.isEmpty()) {
                        received.add(ours);
                    }
                }
            }
            assertThat(received).containsExactly(events);
        }
    }
}
