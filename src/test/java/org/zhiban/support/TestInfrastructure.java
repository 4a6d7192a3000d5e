package org.zhiban.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** What integration tests add to the application: a clean schema at start, a clock they move
 * and a listener that fails when told to. */
@TestConfiguration(proxyBeanMethods = false)
@Import(CleanDatabase.class)
public class TestInfrastructure {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.startingNow();
    }

    @Bean
    FlakyListener flakyListener() {
        return new FlakyListener();
    }
}
