package org.zhiban.audit;

import java.util.UUID;

import org.zhiban.shared.Actor;

/**
 * Who did an audited action. Usually the acting account; for a failed login only the name typed.
 */
public record AuditSubject(UUID accountId, String username, UUID unitId) {

    public static AuditSubject of(Actor actor) {
        return new AuditSubject(actor.accountId(), actor.username(), actor.unitId());
    }

    public static AuditSubject anonymous(String usernameTyped) {
        return new AuditSubject(null, usernameTyped, null);
    }
}
