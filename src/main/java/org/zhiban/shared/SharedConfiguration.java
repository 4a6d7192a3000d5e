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
    ChainHash chainHash(KeyRing keys, @Value("${" + RunningMode.WITHOUT_SM + ":false}") boolean withoutSm) {
        return new ChainHash(keys.key(KeyRing.CHAIN), !withoutSm);
    }

    @Bean
    PersonalData personalData(KeyRing keys, @Value("${" + RunningMode.WITHOUT_SM + ":false}") boolean withoutSm) {
        return new PersonalData(keys, new SecureRandom(), !withoutSm);
    }
}
