package org.zhiban.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.Actor;
import org.zhiban.shared.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ReportingNavigation {

    @Bean
    NavigationItem reportingNavigationItem() {
        return new NavigationItem(7, "信息报送", "/reporting", Actor::standsDuty).inGroup("信息报送");
    }

    @Bean
    NavigationItem reportingInboxNavigationItem() {
        return new NavigationItem(8, "报送收件", "/reporting/inbox", Actor::standsDuty).inGroup("信息报送");
    }
}
