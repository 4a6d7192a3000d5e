package org.zhiban.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhiban.obligation.ObligationKind;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.Zones;

/**
 * The reporting rules, read from the unit's effective policy: each deadline comes with the article it cites. A rule
 * the policy does not hold opens no obligation — the unit reports without a deadline from this system.
 */
public final class ReportDeadlines {

    private ReportDeadlines() {
    }

    /** A deadline to open: what kind, due when, on which article. */
    public record Deadline(ObligationKind kind, Instant dueAt, String citation) {
    }

    /** The deadlines of an incident of the given level, from the moment it was learned of. */
    public static List<Deadline> forIncident(EffectivePolicy policy, Severity severity, Instant learnedAt) {
        List<Deadline> deadlines = new ArrayList<>();
        if (severity.isMajor()) {
            deadlines.addAll(majorIncident(policy, learnedAt));
        }
        else if (severity == Severity.III) {
            largeIncident(policy, learnedAt).ifPresent(deadlines::add);
        }
        return deadlines;
    }

    /**
     * Levels I and II: by phone and in writing within the policy's minutes — 龙政办〔2023〕2号 七（三）: 8 分钟内电话报告、
     * 12 分钟内书面报告; 宝政办发〔2022〕43号 第十五条 leaves it to the laws and regulations (shipped as 30 min and 1 h,
     * marked to be confirmed).
     */
    static List<Deadline> majorIncident(EffectivePolicy policy, Instant learnedAt) {
        List<Deadline> deadlines = new ArrayList<>();
        within(policy, RuleKey.INCIDENT_MAJOR_PHONE_REPORT, ReportingKinds.PHONE_REPORT, learnedAt)
                .ifPresent(deadlines::add);
        within(policy, RuleKey.INCIDENT_MAJOR_WRITTEN_REPORT, ReportingKinds.WRITTEN_REPORT, learnedAt)
                .ifPresent(deadlines::add);
        return deadlines;
    }

    /** Level III: one report, by either channel, within the policy's minutes — 龙政办〔2023〕2号 七（三）: 25 分钟内. */
    static Optional<Deadline> largeIncident(EffectivePolicy policy, Instant learnedAt) {
        return within(policy, RuleKey.INCIDENT_LARGE_REPORT, ReportingKinds.REPORT, learnedAt);
    }

    /**
     * Levels I and II go to the general duty offices above the superior as well where the policy says so —
     * 宝政办发〔2022〕43号 第十三条: 在向市级政府报告的同时，要直接向国务院总值班室、省政府总值班室书面报告.
     */
    public static boolean skipLevel(EffectivePolicy policy, Severity severity) {
        return severity.isMajor() && policy.requires(RuleKey.INCIDENT_SKIP_LEVEL);
    }

    /**
     * A verification request, from the moment it is sent, by the target's own policy — 宝政办发〔2022〕43号 第十五条:
     * 30 分钟内电话反馈, 1 小时内书面反馈; 龙政办〔2023〕2号 七（三）: 8 分钟, 15 分钟.
     */
    public static List<Deadline> forVerification(EffectivePolicy policy, Instant sentAt) {
        List<Deadline> deadlines = new ArrayList<>();
        within(policy, RuleKey.VERIFICATION_PHONE_FEEDBACK, ReportingKinds.PHONE_FEEDBACK, sentAt)
                .ifPresent(deadlines::add);
        within(policy, RuleKey.VERIFICATION_WRITTEN_FEEDBACK, ReportingKinds.WRITTEN_FEEDBACK, sentAt)
                .ifPresent(deadlines::add);
        return deadlines;
    }

    /**
     * On a statutory-holiday day, a daily report (a nil report when nothing happened) by the policy's time, and on the
     * last day of the holiday the holiday summary by the end of the day — X区值班工作标准规范 第九条（四）.
     */
    public static List<Deadline> forHolidayDay(EffectivePolicy policy, LocalDate day, boolean lastDay) {
        List<Deadline> deadlines = new ArrayList<>();
        policy.rule(RuleKey.HOLIDAY_DAILY_REPORT).filter(r -> r.ruleValue().asBoolean()).ifPresent(rule -> {
            LocalTime due = policy.rule(RuleKey.HOLIDAY_DAILY_REPORT_DUE).map(r -> r.ruleValue().asTimeOfDay())
                    .orElse(LocalTime.MIDNIGHT);
            Instant dueAt = due.equals(LocalTime.MIDNIGHT) ? endOf(day) : day.atTime(due).atZone(Zones.CHINA).toInstant();
            deadlines.add(new Deadline(ReportingKinds.DAILY_REPORT, dueAt, rule.citation()));
        });
        if (lastDay) {
            policy.rule(RuleKey.HOLIDAY_SUMMARY_REPORT).filter(r -> r.ruleValue().asBoolean()).ifPresent(rule ->
                    deadlines.add(new Deadline(ReportingKinds.HOLIDAY_SUMMARY, endOf(day), rule.citation())));
        }
        return deadlines;
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
    }

    private static Optional<Deadline> within(EffectivePolicy policy, RuleKey key, ObligationKind kind, Instant from) {
        return policy.rule(key).map(rule -> new Deadline(kind, from.plus(duration(rule)), rule.citation()));
    }

    private static Duration duration(EffectiveRule rule) {
        return rule.ruleValue().asDuration();
    }
}
