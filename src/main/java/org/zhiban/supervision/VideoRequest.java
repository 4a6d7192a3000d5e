package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/** A superior's request for a unit's video images, and the stream the unit pushed (Zhiban carries no video). */
public record VideoRequest(UUID id, UUID requesterUnitId, String requesterName, UUID unitId, String unitName,
        String subject, OffsetDateTime requestedAt, String requestedBy, OffsetDateTime pushedAt, String stream,
        List<ObligationView> obligations) {

    public boolean pushed() {
        return pushedAt != null;
    }

    /** The push still owed; null when pushed or owed by no rule of the unit's policy. */
    public ObligationView openObligation() {
        return SupervisionViews.firstOpen(obligations);
    }
}
