package org.zhiban.roster;

import java.util.UUID;

/** What the roster announces about swaps; the notification module tells the people concerned. */
public final class SwapEvents {

    private SwapEvents() {
    }

    /**
     * A swap moved to a new status: the counterpart is asked (REQUESTED), the leaders on duty are asked (ACCEPTED),
     * or both people learn the outcome.
     */
    public record SwapChanged(UUID swapId, UUID unitId, SwapStatus status, UUID requesterId, UUID counterpartId,
            String summary) {
    }
}
