package org.zhiban.shared;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory cache of reference data (the calendar, duty policies) that stays coherent across instances: a
 * change bumps a revision number in the database in the writer's transaction, and every instance compares its
 * revision with the database's at most once a second, dropping its entries when they differ. Reads in between
 * cost a map look-up.
 */
public final class RevisionedCache<K, V> {

    private static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String name;
    private final JdbcClient jdbc;
    private final LongSupplier nanos;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    /** Moves at every clearing, so that a value loaded from before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile long revision = -1;
    private volatile long checkedAt;

    public RevisionedCache(String name, JdbcClient jdbc) {
        this(name, jdbc, System::nanoTime);
    }

    /**
     * A cache whose once-a-second check follows the given clock, for entries whose staleness is a rule that a test
     * must show by moving the clock (a revoked API token) rather than by waiting.
     */
    public RevisionedCache(String name, JdbcClient jdbc, Clock clock) {
        this(name, jdbc, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
    }

    private RevisionedCache(String name, JdbcClient jdbc, LongSupplier nanos) {
        this.name = name;
        this.jdbc = jdbc;
        this.nanos = nanos;
    }

    public V get(K key, Function<K, V> loader) {
        return get(key, value -> true, loader);
    }

    /**
     * The entry for the key if it is still {@code fresh}, or else what the loader reads now. A loader's {@code null}
     * (nothing worth keeping, e.g. a token no longer good) is returned and not kept.
     */
    public V get(K key, Predicate<V> fresh, Function<K, V> loader) {
        refreshIfStale();
        V value = entries.get(key);
        if (value != null && fresh.test(value)) {
            return value;
        }
        long loadedIn = generation.get();
        value = loader.apply(key);
        if (value == null) {
            entries.remove(key);
            return null;
        }
        entries.put(key, value);
        if (generation.get() != loadedIn) {
            // Cleared while loading: the value may have been read before the change that cleared it.
            entries.remove(key, value);
        }
        return value;
    }

    /** Drops entries no longer wanted (e.g. for days past), so that a cache keyed by time does not grow forever. */
    public void removeIf(Predicate<K> unwanted) {
        entries.keySet().removeIf(unwanted);
    }

    /** Drops entries whose value is no longer of use (e.g. expired), so that the cache does not grow forever. */
    public void removeValuesIf(Predicate<V> unwanted) {
        entries.values().removeIf(unwanted);
    }

    /** Records a change: other instances drop their entries within a second, this one after the commit. */
    public void invalidate() {
        jdbc.sql("UPDATE cache_revision SET revision = revision + 1 WHERE name = ?").param(name).update();
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                    checkedAt = 0;
                    revision = -1;
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    private void refreshIfStale() {
        long now = nanos.getAsLong();
        // A clock set back (a test, or the wall clock corrected) checks at once rather than after the gap.
        if (revision >= 0 && now - checkedAt < CHECK_INTERVAL_NANOS && now >= checkedAt) {
            return;
        }
        long current = jdbc.sql("SELECT revision FROM cache_revision WHERE name = ?").param(name).query(Long.class)
                .single();
        if (current != revision) {
            clear();
            revision = current;
        }
        checkedAt = now;
    }
}
