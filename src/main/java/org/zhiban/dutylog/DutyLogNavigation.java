package org.zhiban.dutylog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class DutyLogNavigation {

    @Bean
    NavigationItem dutyLogNavigationItem() {
        return new NavigationItem(5, "值班日志", "/duty-log", actor -> actor.unitId() != null
                && actor.hasAny(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD, Role.LEADER_ON_DUTY));
    }
}
