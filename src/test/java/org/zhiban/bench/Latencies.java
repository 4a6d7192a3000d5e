package org.zhiban.bench;

import java.util.Arrays;

/** Collects per-call latencies in nanoseconds and reports percentiles. Not thread-safe: one per thread, then merged. */
final class Latencies {

    private long[] samples;
    private int count;

    Latencies() {
        this(1024);
    }

    Latencies(int capacity) {
        this.samples = new long[Math.max(1, capacity)];
    }

    void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, 2 * samples.length);
        }
        samples[count++] = nanos;
    }

    void addAll(Latencies other) {
        other.each(this::add);
    }

    int count() {
        return count;
    }

    void each(java.util.function.LongConsumer consumer) {
        for (int i = 0; i < count; i++) {
            consumer.accept(samples[i]);
        }
    }

    String report(String name) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format("%-58s n=%7d  p50=%8.1f µs  p99=%8.1f µs  max=%9.1f µs", name, count,
                micros(sorted, 0.50), micros(sorted, 0.99), sorted[count - 1] / 1000.0);
    }

    /** The quantile in nanoseconds. */
    long quantile(double quantile) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
