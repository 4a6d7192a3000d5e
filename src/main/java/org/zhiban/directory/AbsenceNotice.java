package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A principal's absence notice as the API and the pages show it.
 *
 * @param dueAt    when it had to be filed by the unit's policy (null where the policy is silent)
 * @param late     filed after {@code dueAt}
 * @param citation the article the deadline comes from
 * @param approvalCitation the article asking the superior to approve, when the policy asks it
 * @param warnings what the duty office should know: another principal away at the same time
 */
public record AbsenceNotice(UUID id, UUID unitId, String unitName, UUID personId, String personName,
        String position, String reason, String destination, OffsetDateTime departAt, OffsetDateTime returnAt,
        UUID actingPersonId, String actingPersonName, String contact, boolean urgent, OffsetDateTime phonedAt,
        OffsetDateTime filedAt, String filedBy, OffsetDateTime dueAt, boolean late, String citation,
        String approvalCitation, AbsenceStatus status, String statusLabel, OffsetDateTime decidedAt,
        String decidedBy, String decisionComment, OffsetDateTime returnedAt, boolean returnLate,
        List<String> warnings, int version) {
}
