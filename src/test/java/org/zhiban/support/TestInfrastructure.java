package org.zhiban.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What integration tests add to the application: a movable clock and a clean schema at start. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.startingNow();
    }

    /** A clean schema for every test run, also on a PostgreSQL database left over from an earlier run. */
    @Bean
    FlywayMigrationStrategy cleanMigrate() {
        return (Flyway flyway) -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
