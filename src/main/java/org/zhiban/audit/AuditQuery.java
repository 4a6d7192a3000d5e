package org.zhiban.audit;

import java.time.LocalDate;

/** Criteria for searching the audit trail; any may be empty. Dates are China Standard Time, inclusive. */
public record AuditQuery(String username, String action, AuditOutcome outcome, LocalDate from, LocalDate to,
        int page, int size) {

    public AuditQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }
}
