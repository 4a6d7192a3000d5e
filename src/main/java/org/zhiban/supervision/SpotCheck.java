package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A phone spot check, and the rectification demand it opened when its result counts as failed under the checked
 * unit's policy.
 *
 * @param offHours       made on a weeknight, a weekend or a holiday
 * @param failedCitation the rule that counts the result as failed; null when it passed or no rule counts it
 */
public record SpotCheck(UUID id, UUID inspectorUnitId, String inspectorName, UUID unitId, String unitName,
        OffsetDateTime calledAt, boolean offHours, String result, String resultLabel, boolean failed,
        String failedCitation,
        Integer rings, String answeredBy, Boolean onRoster, Boolean knewLeaderOnDuty, Boolean standardGreeting,
        String notes, String recordedBy, Rectification rectification) {
}
