package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A phone spot check as the inspector records it: when, the result code ("21"), rings before an answer, who answered
 * and whether they are on the roster, knew today's leader on duty and gave the standard greeting.
 *
 * @param calledAt null for now
 */
public record SpotCheckCommand(UUID unitId, OffsetDateTime calledAt, String result, Integer rings,
        String answeredBy, Boolean onRoster, Boolean knewLeaderOnDuty, Boolean standardGreeting, String notes) {
}
