package org.zhiban.shared;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The account acting in a request: who it is, the unit it acts for and its roles.
 * Carried as the security principal so that every module can read it without depending on identity.
 *
 * @param accountId the account
 * @param username  the login name
 * @param displayName the person's name, for the page shell
 * @param unitId    the unit the account acts for; {@code null} for platform accounts
 * @param roles     the roles held
 */
public record Actor(UUID accountId, String username, String displayName, UUID unitId, Set<Role> roles)
        implements Principal, Serializable {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** The login name, which Spring Session indexes sessions by. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Stands duty in a unit: writes its log and hands its shifts over (duty officers and the office head). */
    public boolean standsDuty() {
        return unitId != null && hasAny(Role.DUTY_OFFICER, Role.DUTY_OFFICE_HEAD);
    }

    /**
     * The system and security administrators look after the whole installation rather than one unit,
     * so their data scope is every unit. Unit accounts see their unit and its subordinates only; the
     * audit administrator reads the audit trail and no unit's data.
     */
    public boolean platformWide() {
        return has(Role.SYSTEM_ADMIN) || has(Role.SECURITY_ADMIN);
    }
}
