package org.zhiban.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener that fails as often as a test asks before it succeeds, as one meeting a passing database fault would:
 * what a failed publication's retry is tested with.
 */
public class FlakyListener {

    /** The event it hears. */
    public record Nudge(String label) {
    }

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    public List<String> handled() {
        return handled;
    }

    @ApplicationModuleListener
    void on(Nudge nudge) {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("passing fault for " + nudge.label());
        }
        handled.add(nudge.label());
    }
}
