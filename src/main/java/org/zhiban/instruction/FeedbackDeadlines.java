package org.zhiban.instruction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/** The deadlines of an instruction, each from the policy of the unit that owes it or sets it, with its article. */
final class FeedbackDeadlines {

    private FeedbackDeadlines() {
    }

    /** A deadline and the article it comes from; {@code citation} is null where the registering office set it. */
    record Deadline(Instant dueAt, String citation) {
    }

    /**
     * The registering office's feedback deadline (第十五条): a State Council leader's instruction as it sets
     * ({@code requested}); a provincial leader's within the policy's working days of its receipt, the day of receipt
     * never counting; any other as the office sets it. A deadline the office sets may be earlier than the policy's,
     * never later (a local reading: no instruction but the State Council's is given longer than a provincial
     * leader's). Without a deadline
     * from either, the office must set one.
     */
    static Deadline registeringOffice(InstructionSource source, Instant receivedAt, Instant requested,
            EffectivePolicy policy, BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        Optional<EffectiveRule> rule = policy.rule(RuleKey.INSTRUCTION_PROVINCIAL_FEEDBACK);
        Optional<Instant> limit = rule.map(r -> r.ruleValue().endOfPeriodAfter(
                receivedAt.atZone(Zones.CHINA).toLocalDate(), workingDaysAfter));
        if (source != InstructionSource.STATE_COUNCIL && requested != null && limit.isPresent()
                && requested.isAfter(limit.get())) {
            throw ZhibanException.invalidField("dueAt", "反馈时限不得晚于" + Zones.MINUTE.format(limit.get()) + "（"
                    + rule.get().citation() + "：" + rule.get().ruleValue().display() + "）");
        }
        if (source == InstructionSource.STATE_COUNCIL) {
            if (requested == null) {
                throw ZhibanException.invalidField("dueAt", "国务院领导同志批示按其要求的时限反馈，请填写反馈时限");
            }
            return new Deadline(requested, rule.map(EffectiveRule::citation).orElse(null));
        }
        if (source == InstructionSource.PROVINCE && requested == null && limit.isPresent()) {
            return new Deadline(limit.get(), rule.get().citation());
        }
        if (requested == null) {
            throw ZhibanException.invalidField("dueAt", "本单位适用的值班规范未规定此类批示的反馈时限，请填写反馈时限");
        }
        return new Deadline(requested, source == InstructionSource.PROVINCE ? rule.map(EffectiveRule::citation)
                .orElse(null) : null);
    }

    /** Whether the registering office's deadline is the policy's count (and so is counted again on a new calendar). */
    static boolean countedByPolicy(InstructionSource source, Instant requested) {
        return source == InstructionSource.PROVINCE && requested == null;
    }

    /**
     * An acting unit's deadline once its forwarder's was counted again: it follows, unless it had been set apart
     * from the forwarder's (an extension granted, a final date agreed), which stands.
     */
    static Optional<Deadline> followForwarder(Instant unitDue, Deadline before, Deadline after, Instant from,
            EffectivePolicy forwarderPolicy) {
        if (!actingUnit(before, from, forwarderPolicy).dueAt().equals(unitDue)) {
            return Optional.empty();
        }
        return Optional.of(actingUnit(after, from, forwarderPolicy));
    }

    /**
     * An acting unit's feedback deadline: earlier than the forwarding office's own by its policy's margin, so that
     * the feedback arrives in time to be compiled (a local reading of 第十八条); the article is the one the
     * deadline comes from. An instruction registered after its deadline is overdue for every unit at once; one due
     * sooner after {@code from} (its receipt, or when it was passed further down) than the margin is due for the unit
     * when it is due for the forwarder.
     */
    static Deadline actingUnit(Deadline forwarder, Instant from, EffectivePolicy forwarderPolicy) {
        Instant due = forwarderPolicy.value(RuleKey.INSTRUCTION_FORWARD_MARGIN)
                .map(margin -> forwarder.dueAt().minus(margin.asDuration())).orElse(forwarder.dueAt());
        // An urgent instruction due within the margin leaves none to keep: the unit owes what the office owes.
        return new Deadline(due.isAfter(from) ? due : forwarder.dueAt(), forwarder.citation());
    }

    /** The report to the acting unit's own head: at once (第十八条 立即), as its policy reads it; none where silent. */
    static Optional<Deadline> reportToHead(Instant forwardedAt, EffectivePolicy actingPolicy) {
        return actingPolicy.rule(RuleKey.INSTRUCTION_REPORT_TO_HEAD).map(rule -> new Deadline(
                forwardedAt.plus(rule.ruleValue().asDuration()), rule.citation()));
    }

    /** The initial feedback of a complex matter (第十五条: 5个工作日内反馈初步落实情况) is due when the feedback was. */
    static boolean allowsInitialFeedback(EffectivePolicy forwarderPolicy) {
        return forwarderPolicy.rule(RuleKey.INSTRUCTION_INITIAL_FEEDBACK).isPresent();
    }
}
