package org.zhiban.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A reset of a platform administrator's password, waiting for a third platform administrator's approval (三员分立).
 *
 * @param mayDecide whether the account reading it may approve or reject it: a platform administrator who is neither
 *                  the requester nor the target
 */
public record PasswordReset(
        UUID id,
        UUID accountId,
        String username,
        UUID requestedById,
        String requestedBy,
        Instant requestedAt,
        Instant expiresAt,
        Status status,
        String decidedBy,
        Instant decidedAt,
        boolean mayDecide) {

    public enum Status {
        PENDING("待审批"),
        APPROVED("已批准，已生效"),
        REJECTED("已驳回"),
        REPLACED("已被新的申请取代"),
        EXPIRED("已过期");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
