package org.zhiban.handover;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Actor;

@Configuration(proxyBeanMethods = false)
class HandoverNavigation {

    @Bean
    NavigationItem handoverNavigationItem() {
        return new NavigationItem(6, "交接班", "/handover", Actor::standsDuty);
    }
}
