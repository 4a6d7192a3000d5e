package org.zhiban.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A pass over the database that every instance repeats on its own thread at a fixed delay (DESIGN.md: periodic
 * engine work is a repeatable pass that can run on any instance). A failed pass is logged and the next one tries
 * again; an interval of zero switches the repetition off (the pass can still be run directly).
 */
public abstract class RepeatingPass implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private ScheduledExecutorService executor;

    protected RepeatingPass(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One pass; returns how much work it did. */
    protected abstract int pass();

    /** Whether the first pass runs as the instance starts rather than one interval later. */
    protected boolean passesAtStart() {
        return false;
    }

    @Override
    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            log.info("{} is not repeated on this instance (interval {})", name, interval);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                pass();
            }
            catch (RuntimeException e) {
                log.warn("{} failed; the next pass tries again", name, e);
            }
        }, passesAtStart() ? 0 : interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
