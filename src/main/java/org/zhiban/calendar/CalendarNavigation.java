package org.zhiban.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    @Bean
    NavigationItem calendarNavigationItem() {
        return new NavigationItem(30, "工作日历", "/calendar", actor -> !actor.has(Role.AUDIT_ADMIN)).inGroup("规范与日历");
    }
}
