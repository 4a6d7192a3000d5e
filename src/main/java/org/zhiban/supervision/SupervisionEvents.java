package org.zhiban.supervision;

import java.util.UUID;

/**
 * What the supervision module announces; the notification module tells the duty office concerned. Titles only; the
 * {@code eventId} lets a message be sent once however often the event is delivered.
 *
 * @param link the page the message opens
 */
public final class SupervisionEvents {

    private SupervisionEvents() {
    }

    /** A duty office must act: called to a roll call, asked for video, answered on its leave, told of a request. */
    public record Notice(UUID eventId, UUID unitId, UUID fromUnitId, String title, String link) {
    }
}
