package org.zhiban.identity;

import java.util.Collection;
import java.util.List;

import org.zhiban.shared.Role;

/**
 * Separation of the three platform roles (三员分立): no account may be system administrator, security
 * administrator and audit administrator in more than one capacity.
 */
public final class RoleSeparation {

    private RoleSeparation() {
    }

    /** Whether a set of roles holds two or more of the separated platform roles. */
    public static boolean combinesPlatformRoles(Collection<Role> roles) {
        return roles.stream().filter(Role::isPlatformRole).distinct().count() > 1;
    }

    /** The platform roles in a set, for the message naming the conflict. */
    static List<Role> platformRolesIn(Collection<Role> roles) {
        return roles.stream().filter(Role::isPlatformRole).distinct().sorted().toList();
    }
}
