package org.zhiban.shared;

import java.time.Clock;

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
        return new MicrosecondClock(Clock.system(Zones.CHINA));
    }
}
