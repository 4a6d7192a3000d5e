package org.zhiban.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * On PostgreSQL, live events travel between instances by NOTIFY on one channel and each instance LISTENs on a
 * connection of its own; on the embedded H2 (one instance) they stay in process.
 */
@Configuration(proxyBeanMethods = false)
class LiveBroadcastConfiguration {

    static final String CHANNEL = "zhiban_live";
    /** Below PostgreSQL's 8,000 bytes, with room to spare. */
    static final int MAX_PAYLOAD_BYTES = 7_500;

    @Bean
    LiveBroadcast liveBroadcast(DataSourceProperties dataSource, JdbcTemplate jdbc) {
        String url = dataSource.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresBroadcast(url, dataSource.determineUsername(), dataSource.determinePassword(), jdbc);
        }
        return new InProcessBroadcast();
    }

    /**
     * The events as JSON arrays, each below {@link #MAX_PAYLOAD_BYTES}: as many events to a NOTIFY as fit, the rest in
     * the next.
     */
    static List<String> payloads(List<LiveEvent> events, JsonMapper json) {
        List<String> payloads = new ArrayList<>();
        StringJoiner payload = new StringJoiner(",", "[", "]");
        int bytes = 2;
        for (LiveEvent event : events) {
            String one = json.writeValueAsString(event);
            int size = one.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > 2 && bytes + size > MAX_PAYLOAD_BYTES) {
                payloads.add(payload.toString());
                payload = new StringJoiner(",", "[", "]");
                bytes = 2;
            }
            payload.add(one);
            bytes += size;
        }
        if (bytes > 2) {
            payloads.add(payload.toString());
        }
        return payloads;
    }

    static final class InProcessBroadcast implements LiveBroadcast {

        private volatile Consumer<LiveEvent> receiver = event -> { };

        @Override
        public void send(List<LiveEvent> events) {
            events.forEach(receiver);
        }

        @Override
        public void onReceive(Consumer<LiveEvent> receiver) {
            this.receiver = receiver;
        }
    }

    static final class PostgresBroadcast implements LiveBroadcast, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(PostgresBroadcast.class);

        private final String url;
        private final String username;
        private final String password;
        private final JdbcTemplate jdbc;
        /** Reads one event as a list of one too, as instances not yet upgraded send it. */
        private final JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY).build();
        private final Thread listener;
        private volatile Consumer<LiveEvent> receiver = event -> { };
        private volatile boolean running = true;

        PostgresBroadcast(String url, String username, String password, JdbcTemplate jdbc) {
            this.url = url;
            this.username = username;
            this.password = password;
            this.jdbc = jdbc;
            this.listener = new Thread(this::listen, "live-listen");
            this.listener.setDaemon(true);
            this.listener.start();
        }

        /**
         * One NOTIFY for all the events of a transaction: each NOTIFY outside a transaction is one of its own, which
         * PostgreSQL commits to disk under a lock that every notifying session of the server shares.
         */
        @Override
        public void send(List<LiveEvent> events) {
            for (String payload : payloads(events, json)) {
                jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, payload);
            }
        }

        @Override
        public void onReceive(Consumer<LiveEvent> receiver) {
            this.receiver = receiver;
        }

        /** Listens on a connection of its own, reconnecting after a failure; a missed event only delays a refresh. */
        private void listen() {
            while (running) {
                try (Connection connection = DriverManager.getConnection(url, username, password);
                        Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notifications = pg.getNotifications(500);
                        if (notifications == null) {
                            continue;
                        }
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
                catch (SQLException e) {
                    if (running) {
                        log.warn("Live update listener lost its connection; reconnecting", e);
                        pause();
                    }
                }
            }
        }

        private void dispatch(String payload) {
            try {
                for (LiveEvent event : json.readValue(payload, LiveEvent[].class)) {
                    receiver.accept(event);
                }
            }
            catch (RuntimeException e) {
                log.warn("Could not deliver live event {}", payload, e);
            }
        }

        private void pause() {
            try {
                Thread.sleep(1000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }

        @Override
        public void destroy() {
            running = false;
            listener.interrupt();
        }
    }
}
