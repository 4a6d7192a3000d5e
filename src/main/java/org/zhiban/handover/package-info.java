/**
 * Handovers between shifts: the outgoing officer writes the done, pending, tracking and watch items (pre-filled from
 * the log and the open obligations), checks the equipment and signs; the incoming officer reviews and accepts.
 * A shift is not closed until accepted; what is still open carries over to the next shift by itself.
 */
package org.zhiban.handover;
