package org.zhiban.handover;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class HandoverNavigation {

    @Bean
    NavigationItem handoverNavigationItem() {
        return new NavigationItem(6, "交接班", "/handover", actor -> actor.unitId() != null
                && actor.hasAny(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD));
    }
}
