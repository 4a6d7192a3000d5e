package org.zhiban.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class RosterNavigation {

    @Bean
    NavigationItem rosterNavigationItem() {
        return new NavigationItem(10, "值班表", "/roster", actor -> actor.unitId() != null).inGroup("值班表");
    }

    @Bean
    NavigationItem onDutyNavigationItem() {
        return new NavigationItem(12, "在岗情况", "/on-duty", actor -> actor.unitId() != null
                && !actor.has(Role.AUDIT_ADMIN)).inGroup("值班表");
    }

    @Bean
    NavigationItem filingsNavigationItem() {
        return new NavigationItem(14, "节假日报备", "/roster/filings", actor -> actor.unitId() != null
                && !actor.has(Role.AUDIT_ADMIN)).inGroup("值班表");
    }
}
