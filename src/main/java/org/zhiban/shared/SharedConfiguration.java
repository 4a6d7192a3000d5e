package org.zhiban.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    static RunningMode runningModeGuard() {
        return new RunningMode();
    }
}
