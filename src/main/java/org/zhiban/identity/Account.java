package org.zhiban.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;

/**
 * A login account, linked to a person of a unit (platform administrators may have no unit).
 *
 * @param passwordChangeRequired someone else set the password (a reset, or the first password an administrator chose):
 *                               the next login must choose a new one before anything else
 */
public record Account(
        UUID id,
        String username,
        String displayName,
        UUID personId,
        UUID unitId,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        Set<Role> roles,
        int version,
        boolean passwordChangeRequired) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Actor toActor() {
        return new Actor(id, username, displayName, unitId, roles);
    }
}
