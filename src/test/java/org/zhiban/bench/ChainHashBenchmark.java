package org.zhiban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ChainHash;

/**
 * What sealing a record costs: the time to hash one duty-log row's fields (22 of them, a typical call's text) with
 * plain SHA-256, as chains were sealed before ADR 0023, and with HMAC-SM3, as they are now. Timed in batches of a
 * thousand after a warm-up, interleaved so that both see the same machine. Run by bench/chain-hash.sh.
 */
class ChainHashBenchmark {

    private static final int BATCH = 1_000;
    private static final int BATCHES = 2_000;
    /** Where the hashes' characters go, so that the compiler cannot drop the work. */
    private static volatile long consumed;

    @Test
    void measure() throws IOException {
        ChainHash hashes = new ChainHash("基准测试用的链密钥，非生产".getBytes(StandardCharsets.UTF_8));
        String[] row = { UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "2026", "123", "1", "245", "INCOMING_CALL", "1796000000000", "金台区陈仓镇金河村",
                "区应急管理局来电：据气象台预报，今夜至明日我区有大到暴雨，局地大暴雨，请各镇街做好防汛准备，"
                        + "加强值班值守，及时报告险情。", "王强", "区应急管理局", "0917-3260001", "各镇街",
                "已报告带班领导，已通知各镇街值班室", null, "PENDING", null, "1796000120000", "jintai",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" };
        for (int i = 0; i < 200; i++) {
            batch(hashes, ChainHash.SHA_256, row);
            batch(hashes, ChainHash.HMAC_SM3, row);
        }
        long[] sha = new long[BATCHES];
        long[] sm3 = new long[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            sha[i] = batch(hashes, ChainHash.SHA_256, row);
            sm3[i] = batch(hashes, ChainHash.HMAC_SM3, row);
        }
        double shaMedian = median(sha) / BATCH;
        double sm3Median = median(sm3) / BATCH;
        List<String> lines = new ArrayList<>();
        lines.add("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores; one duty-log row (22 fields), " + BATCHES + " batches of " + BATCH + " after a warm-up");
        lines.add(String.format("SHA-256 (before ADR 0023)   median %6.2f µs per record", shaMedian / 1000));
        lines.add(String.format("HMAC-SM3 (Bouncy Castle)    median %6.2f µs per record", sm3Median / 1000));
        lines.add(String.format("ratio HMAC-SM3 / SHA-256    %.2f", sm3Median / shaMedian));
        Path out = Path.of("target", "bench", "chain-hash.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private static long batch(ChainHash hashes, String algorithm, String[] row) {
        long start = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < BATCH; i++) {
            sink += hashes.of(algorithm, row).charAt(i % 64);
        }
        long elapsed = System.nanoTime() - start;
        consumed += sink;
        return elapsed;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
