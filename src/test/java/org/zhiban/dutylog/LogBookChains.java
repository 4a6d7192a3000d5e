package org.zhiban.dutylog;

import org.zhiban.dutylog.internal.DutyLogRepository.EntryRow;
import org.zhiban.shared.ChainHash;

/** For bulk loads in benchmarks: the chain hash the duty log gives an entry, so that loaded log books verify. */
public final class LogBookChains {

    private LogBookChains() {
    }

    public static String hash(ChainHash hashes, EntryRow row) {
        return DutyLog.hash(hashes, ChainHash.HMAC_SM3, row);
    }
}
