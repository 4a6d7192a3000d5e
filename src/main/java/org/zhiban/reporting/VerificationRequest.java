package org.zhiban.reporting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/** A verification request with each target's feedback and deadlines (a target sees its own row only). */
public record VerificationRequest(UUID id, UUID fromUnitId, String fromUnitName, String subject, String details,
        String sentByName, OffsetDateTime sentAt, List<Target> targets) {

    public record Target(UUID unitId, String unitName, String phoneContent, String phoneTakenBy, String phoneByName,
            OffsetDateTime phoneAt, String writtenContent, String writtenByName, OffsetDateTime writtenAt,
            List<ObligationView> obligations) {

        public boolean answered() {
            return phoneAt != null && writtenAt != null;
        }
    }
}
