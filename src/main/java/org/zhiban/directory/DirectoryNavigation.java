package org.zhiban.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

    @Bean
    NavigationItem directoryNavigationItem() {
        return new NavigationItem(19, "值班通讯录", "/directory",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN));
    }

    @Bean
    NavigationItem noticesNavigationItem() {
        return new NavigationItem(9, "外出报备与讣告", "/directory/notices",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN)).inGroup("信息报送");
    }
}
