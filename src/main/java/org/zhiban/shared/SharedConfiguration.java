package org.zhiban.shared;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    static RunningMode runningModeGuard() {
        return new RunningMode();
    }

    @Bean
    KeyRing keyRing(@Value("${zhiban.keys.file}") Path file) {
        return KeyRing.open(file, new SecureRandom());
    }

    @Bean
    ChainHash chainHash(KeyRing keys) {
        return new ChainHash(keys.key(KeyRing.CHAIN));
    }
}
