package org.zhiban.supervision;

import java.time.Instant;
import java.util.Optional;

import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.RuleKey;

/**
 * The deadlines supervision opens, each from the policy of the unit that owes it, with its article; a unit whose
 * policy is silent owes none (ADR 29).
 */
final class SupervisionDeadlines {

    private SupervisionDeadlines() {
    }

    /**
     * @param opensAt when the obligation is listed as owed: the notice, or for a call booked further ahead the
     *                policy's minutes before the start
     */
    record Deadline(Instant opensAt, Instant dueAt, String citation) {
    }

    /**
     * Coming online for a roll call (第二十二条 接到召开视频会议要求后，要在30分钟内完成调试上线): within the policy's
     * minutes of the notice; a call booked further ahead opens that many minutes before its start, and so is due at
     * the start, when the unit is to be in place (第二十六条 提前就位).
     */
    static Optional<Deadline> online(Instant notifiedAt, Instant startsAt, EffectivePolicy unitPolicy) {
        return unitPolicy.rule(RuleKey.VIDEO_CONFERENCE_READY).map(rule -> {
            Instant opensAt = later(notifiedAt, startsAt.minus(rule.ruleValue().asDuration()));
            return new Deadline(opensAt, opensAt.plus(rule.ruleValue().asDuration()), rule.citation());
        });
    }

    /** Pushing video images on request (第二十三条 要在5分钟内完成推送): within the policy's minutes of the request. */
    static Optional<Deadline> push(Instant requestedAt, EffectivePolicy unitPolicy) {
        return unitPolicy.rule(RuleKey.VIDEO_PUSH_ON_REQUEST).map(rule -> new Deadline(requestedAt,
                requestedAt.plus(rule.ruleValue().asDuration()), rule.citation()));
    }

    /** Reporting a roll call's points to the unit's head (第二十六条 及时…报告会议要点), from the call's end. */
    static Optional<Deadline> reportToHead(Instant endedAt, EffectivePolicy unitPolicy) {
        return unitPolicy.rule(RuleKey.ROLL_CALL_REPORT_TO_HEAD).map(rule -> new Deadline(endedAt,
                endedAt.plus(rule.ruleValue().asDuration()), rule.citation()));
    }

    /** A unit asks for leave before the call starts (第二十六条 提前请假); after the start it is absent or late. */
    static boolean leaveStillPossible(Instant now, Instant startsAt) {
        return now.isBefore(startsAt);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
