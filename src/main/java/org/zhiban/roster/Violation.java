package org.zhiban.roster;

import java.util.List;
import java.util.UUID;

import org.zhiban.policy.EffectiveRule;

/**
 * A rule a roster breaks, in words a duty office head reads: the rule, what is wrong, the article of the unit's own
 * policy it comes from (empty where none), and whether it blocks publishing (hard) or only warns.
 */
public record Violation(RosterRule rule, String label, String detail, String citation, boolean hard,
        UUID unitId, List<UUID> shiftIds, UUID personId) {

    /** The citation in brackets, to follow the detail in a message; nothing where the rule names no article. */
    public String cited() {
        return EffectiveRule.cited(citation);
    }
}
