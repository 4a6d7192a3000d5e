package org.zhiban.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of re-computing the audit chain.
 *
 * @param algorithm what the chain is sealed with: HMAC-SM3, or SHA-256 for a chain not re-sealed
 * @param checked how many records were read
 * @param intact whether the chain holds everywhere
 * @param breaks every place where the chain does not hold, in order
 */
public record ChainCheckReport(Instant checkedAt, String algorithm, long checked, boolean intact, List<Break> breaks) {

    public static ChainCheckReport of(Instant checkedAt, String algorithm, long checked, List<Break> breaks) {
        return new ChainCheckReport(checkedAt, algorithm, checked, breaks.isEmpty(), List.copyOf(breaks));
    }

    /** One break: the record where it was found and why. */
    public record Break(long seq, String reason) {
    }
}
