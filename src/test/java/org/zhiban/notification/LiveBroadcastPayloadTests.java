package org.zhiban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A transaction's live events travel in as few NOTIFY payloads as fit below PostgreSQL's 8,000 bytes. */
class LiveBroadcastPayloadTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTransactionsEventsTravelInOnePayload() {
        List<LiveEvent> events = List.of(LiveEvent.notification(UUID.randomUUID(), "【首报·书面】交通事故"),
                LiveEvent.notification(UUID.randomUUID(), "【首报·书面】交通事故"), LiveEvent.obligations(UUID.randomUUID()));

        List<String> payloads = LiveBroadcastConfiguration.payloads(events, json);

        assertThat(payloads).hasSize(1);
        assertThat(json.readValue(payloads.get(0), LiveEvent[].class)).containsExactlyElementsOf(events);
    }

    @Test
    void eventsBeyondOnePayloadTakeTheNextInOrder() {
        String longTitle = "【首报·书面】" + "交".repeat(193);
        List<LiveEvent> events = IntStream.range(0, 100)
                .mapToObj(i -> LiveEvent.notification(UUID.randomUUID(), longTitle)).toList();

        List<String> payloads = LiveBroadcastConfiguration.payloads(events, json);

        assertThat(payloads).hasSizeGreaterThan(1);
        List<LiveEvent> received = new ArrayList<>();
        for (String payload : payloads) {
            assertThat(payload.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(LiveBroadcastConfiguration.MAX_PAYLOAD_BYTES);
            received.addAll(Arrays.asList(json.readValue(payload, LiveEvent[].class)));
        }
        assertThat(received).containsExactlyElementsOf(events);
    }

    @Test
    void noEventsSendNothing() {
        assertThat(LiveBroadcastConfiguration.payloads(List.of(), json)).isEmpty();
    }
}
