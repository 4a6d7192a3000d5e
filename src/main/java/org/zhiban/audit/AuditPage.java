package org.zhiban.audit;

import java.util.List;

/** One page of audit records, newest first, with the number of all that match. */
public record AuditPage(List<AuditRecord> records, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
