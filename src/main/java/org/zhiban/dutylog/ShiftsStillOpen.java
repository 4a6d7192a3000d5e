package org.zhiban.dutylog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * How far back a unit's log is still open for writing. A shift is not closed until it has been handed over, so the
 * outgoing officer may still write what happened in it; the handover module, which knows, answers.
 */
public interface ShiftsStillOpen {

    /** The start of the shift before the current one (which began at {@code currentShiftStart}) while it is open. */
    Optional<Instant> openSince(UUID unitId, Instant currentShiftStart);
}
