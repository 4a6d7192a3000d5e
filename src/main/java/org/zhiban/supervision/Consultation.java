package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * A duty consultation (值班会商) as its reader may see it: a unit only reminded sees the subject, the reminder and its
 * own acknowledgement, not the organiser's analysis nor the other units.
 *
 * @param citation the organiser's rule for consultations, if its policy has one
 * @param owed     the consultation the organiser owed before the period, if any, fulfilled by this one
 */
public record Consultation(UUID id, UUID organiserUnitId, String organiserName, OffsetDateTime heldAt, String subject,
        String periodKey, String periodName, String participants, String risks, String reminder, String citation,
        String recordedBy, List<Reminded> reminded, ObligationView owed) {

    /** A unit reminded, and when and by whom it acknowledged the reminder. */
    public record Reminded(UUID unitId, String unitName, OffsetDateTime acknowledgedAt, String acknowledgedBy) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    public long acknowledgedCount() {
        return reminded.stream().filter(Reminded::acknowledged).count();
    }
}
