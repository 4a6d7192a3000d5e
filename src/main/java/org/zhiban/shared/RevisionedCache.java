package org.zhiban.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private volatile long revision = -1;
    private volatile long checkedAt;

    public RevisionedCache(String name, JdbcClient jdbc) {
        this.name = name;
        this.jdbc = jdbc;
    }

    public V get(K key, Function<K, V> loader) {
        refreshIfStale();
        V value = entries.get(key);
        if (value == null) {
            value = loader.apply(key);
            entries.put(key, value);
        }
        return value;
    }

    /** Drops entries no longer wanted (e.g. for days past), so that a cache keyed by time does not grow forever. */
    public void removeIf(Predicate<K> unwanted) {
        entries.keySet().removeIf(unwanted);
    }

    /** Records a change: other instances drop their entries within a second, this one after the commit. */
    public void invalidate() {
        jdbc.sql("UPDATE cache_revision SET revision = revision + 1 WHERE name = ?").param(name).update();
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                    checkedAt = 0;
                    revision = -1;
                }
            });
        }
    }

    private void refreshIfStale() {
        long now = System.nanoTime();
        if (revision >= 0 && now - checkedAt < CHECK_INTERVAL_NANOS) {
            return;
        }
        long current = jdbc.sql("SELECT revision FROM cache_revision WHERE name = ?").param(name).query(Long.class)
                .single();
        if (current != revision) {
            entries.clear();
            revision = current;
        }
        checkedAt = now;
    }
}
