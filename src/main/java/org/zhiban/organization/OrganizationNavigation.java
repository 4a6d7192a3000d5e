package org.zhiban.organization;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class OrganizationNavigation {

    @Bean
    NavigationItem unitsNavigationItem() {
        return new NavigationItem(20, "组织机构", "/units", actor -> !actor.has(Role.AUDIT_ADMIN));
    }
}
