package org.zhiban.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationItem accountsNavigationItem() {
        return NavigationItem.forRoles(80, "账号管理", "/accounts", Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN,
                Role.UNIT_ADMIN);
    }

    @Bean
    NavigationItem passwordResetsNavigationItem() {
        return NavigationItem.forRoles(85, "密码重置审批", "/password-resets", Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN,
                Role.AUDIT_ADMIN);
    }
}
