package org.zhiban.dutylog;

import org.zhiban.dutylog.internal.DutyLogRepository.EntryRow;

/** For bulk loads in benchmarks: the chain hash the duty log gives an entry, so that loaded log books verify. */
public final class LogBookChains {

    private LogBookChains() {
    }

    public static String hash(EntryRow row) {
        return DutyLog.hash(row);
    }
}
