package org.zhiban.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles an account can hold. The last three are the separated platform roles (三员分立). */
public enum Role {
    DUTY_OFFICER("值班员"),
    LEADER_ON_DUTY("带班领导"),
    DUTY_OFFICE_HEAD("值班室负责人"),
    UNIT_ADMIN("单位管理员"),
    SYSTEM_ADMIN("系统管理员"),
    SECURITY_ADMIN("安全管理员"),
    AUDIT_ADMIN("安全审计员");

    public static final Set<Role> PLATFORM_ROLES = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPlatformRole() {
        return PLATFORM_ROLES.contains(this);
    }

    public static boolean anyPlatformRole(Collection<Role> roles) {
        return roles.stream().anyMatch(Role::isPlatformRole);
    }
}
