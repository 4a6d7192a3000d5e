package org.zhiban.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

import tools.jackson.databind.json.JsonMapper;

/**
 * On PostgreSQL, live events travel between instances by NOTIFY on one channel and each instance LISTENs on a
 * connection of its own; on the embedded H2 (one instance) they stay in process.
 */
@Configuration(proxyBeanMethods = false)
class LiveBroadcastConfiguration {

    static final String CHANNEL = "zhiban_live";

    @Bean
    LiveBroadcast liveBroadcast(DataSourceProperties dataSource, JdbcTemplate jdbc) {
        String url = dataSource.determineUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            return new PostgresBroadcast(url, dataSource.determineUsername(), dataSource.determinePassword(), jdbc);
        }
        return new InProcessBroadcast();
    }

    static final class InProcessBroadcast implements LiveBroadcast {

        private volatile Consumer<LiveEvent> receiver = event -> { };

        @Override
        public void send(LiveEvent event) {
            receiver.accept(event);
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
        private final JsonMapper json = JsonMapper.builder().build();
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

        @Override
        public void send(LiveEvent event) {
            jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, json.writeValueAsString(event));
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
                receiver.accept(json.readValue(payload, LiveEvent.class));
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
