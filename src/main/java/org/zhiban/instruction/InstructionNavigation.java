package org.zhiban.instruction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhiban.shared.NavigationItem;
import org.zhiban.shared.Role;

@Configuration(proxyBeanMethods = false)
class InstructionNavigation {

    @Bean
    NavigationItem instructionNavigationItem() {
        return new NavigationItem(10, "领导批示", "/instructions",
                actor -> actor.unitId() != null && !actor.has(Role.AUDIT_ADMIN)).inGroup("信息报送");
    }
}
