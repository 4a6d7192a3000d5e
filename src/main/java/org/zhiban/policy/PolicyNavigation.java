package org.zhiban.policy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class PolicyNavigation {

    @Bean
    NavigationItem policyNavigationItem() {
        return new NavigationItem(40, "值班规范", "/policy", actor -> !actor.has(Role.AUDIT_ADMIN)).inGroup("规范与日历");
    }
}
