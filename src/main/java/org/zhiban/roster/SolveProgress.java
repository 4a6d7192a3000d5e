package org.zhiban.roster;

import java.time.Duration;
import java.util.UUID;

/**
 * Where an automatic rostering run stands: its score in words (rules broken, positions empty, unfairness), how long
 * it has run, and whether it is done.
 */
public record SolveProgress(UUID rosterId, long brokenRules, long emptyPositions, long unfairness, Duration elapsed,
        boolean finished, String failure) {
}
