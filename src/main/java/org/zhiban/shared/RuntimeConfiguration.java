package org.zhiban.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The one clock business code reads. Tests replace it with one they can move forward (also by registering it
 * before the context starts, which this definition then yields to). Module listeners run asynchronously, after the
 * transaction that published their event, from the persistent publication registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class RuntimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // Microsecond ticks: PostgreSQL and H2 keep timestamps to the microsecond, so a time written and read back
        // compares equal with the clock's own.
        return Clock.tick(Clock.system(Zones.CHINA), Duration.ofNanos(1_000));
    }
}
