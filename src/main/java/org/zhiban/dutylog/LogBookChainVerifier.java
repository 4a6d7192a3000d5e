package org.zhiban.dutylog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.zhiban.dutylog.internal.DutyLogRepository.Counter;
import org.zhiban.dutylog.internal.DutyLogRepository.EntryRow;
import org.zhiban.shared.ChainHash;

/**
 * Walks a unit's year in the order written and names every place where its chain does not hold: a row missing, a row
 * whose content or link no longer matches its hash, and an end that is not the counter's.
 */
final class LogBookChainVerifier implements Consumer<EntryRow> {

    private final ChainHash hashes;
    private final String algorithm;
    private final List<String> breaks = new ArrayList<>();
    private int expectedSeq = 1;
    private String previous;

    /** A walk from the chain's genesis (zeros, or the final value of the chain it re-sealed) by its algorithm. */
    LogBookChainVerifier(ChainHash hashes, String algorithm, String genesis) {
        this.hashes = hashes;
        this.algorithm = algorithm;
        this.previous = genesis;
    }

    @Override
    public void accept(EntryRow row) {
        String label = DutyLogEntry.number(row.year(), row.number()) + " 第" + row.version() + "版";
        if (row.chainSeq() != expectedSeq) {
            breaks.add("第 " + expectedSeq + " 条记录缺失（" + label + " 之前）");
            expectedSeq = row.chainSeq();
        }
        if (!row.prevHash().equals(previous) || !DutyLog.hash(hashes, algorithm, row).equals(row.hash())) {
            breaks.add(label + " 的内容与记录时不一致");
        }
        previous = row.hash();
        expectedSeq++;
    }

    /** Every break found, the end compared with the counter's last row. */
    List<String> finish(Optional<Counter> counter) {
        counter.ifPresent(c -> {
            if (c.lastSeq() != expectedSeq - 1 || !c.lastHash().equals(previous)) {
                breaks.add("最后写入的记录缺失或被改动");
            }
        });
        return List.copyOf(breaks);
    }

    String algorithm() {
        return algorithm;
    }

    int checked() {
        return expectedSeq - 1;
    }
}
