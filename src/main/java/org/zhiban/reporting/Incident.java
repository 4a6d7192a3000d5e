package org.zhiban.reporting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * An incident with its report chain and its deadlines.
 *
 * @param unitDutyPhone  the reporting unit's duty phone, the number the superior calls back (null when not recorded)
 * @param superiorUnitId the unit reported to, null when the superior is outside this installation
 * @param skipLevel      levels I/II under a policy that has them reported past the superior too (越级直报)
 * @param closedAt       when the final report closed the chain
 */
public record Incident(
        UUID id,
        UUID unitId,
        String unitName,
        String unitDutyPhone,
        UUID superiorUnitId,
        String superiorUnitName,
        boolean skipLevel,
        IncidentCategory category,
        String categoryLabel,
        Severity severity,
        String severityLabel,
        String title,
        String place,
        OffsetDateTime occurredAt,
        OffsetDateTime learnedAt,
        String casualties,
        String losses,
        String summary,
        String createdByName,
        OffsetDateTime createdAt,
        OffsetDateTime closedAt,
        List<IncidentReport> reports,
        List<ObligationView> obligations) {

    public boolean closed() {
        return closedAt != null;
    }
}
