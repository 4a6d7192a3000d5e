package org.zhiban.supervision;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

    @Bean
    NavigationItem supervisionNavigationItem() {
        return new NavigationItem(16, "视频点名与调取", "/supervision",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN)).inGroup("督促指导");
    }

    @Bean
    NavigationItem inspectionsNavigationItem() {
        return new NavigationItem(17, "检查与整改", "/supervision/inspections",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN)).inGroup("督促指导");
    }

    @Bean
    NavigationItem consultationsNavigationItem() {
        return new NavigationItem(18, "值班会商", "/supervision/consultations",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN)).inGroup("督促指导");
    }
}
