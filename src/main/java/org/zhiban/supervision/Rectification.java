package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * A rectification demand (整改通知) to a unit, answered by its rectification report, which the issuing office accepts
 * or returns with reasons.
 *
 * @param spotCheckId  the failed phone spot check that opened it, or null
 * @param inspectionId the inspection, talk or letter that opened it, or null
 *
 * @param status ISSUED, REPORTED, ACCEPTED or RETURNED
 */
public record Rectification(UUID id, UUID issuerUnitId, String issuerName, UUID unitId, String unitName,
        UUID spotCheckId, UUID inspectionId, String demand, OffsetDateTime issuedAt, OffsetDateTime dueAt, String citation,
        String report, OffsetDateTime reportedAt, String status, String statusLabel, String returnReason,
        List<ObligationView> obligations) {

    public ObligationView openObligation() {
        return SupervisionViews.firstOpen(obligations);
    }
}
