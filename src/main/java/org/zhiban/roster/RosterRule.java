package org.zhiban.roster;

import org.zhiban.policy.RuleKey;

/**
 * The rules a roster is checked against, each with the policy rule it enforces (whose citation, from the unit's own
 * policy, the violation names). A rule with no policy rule names no article of any regulation — only, where there is
 * one, the basis that is the unit's own (TOO_LITTLE_REST). Hard rules block publishing; soft ones warn.
 */
public enum RosterRule {
    SHIFT_TOO_SHORT("班次时长不足", RuleKey.SHIFT_MIN_DURATION, null, true),
    INFORMAL_STAFF("非正式干部顶岗值班", RuleKey.DUTY_FORMAL_STAFF_ONLY, null, true),
    OFFICER_ALSO_LEADER("同一人同时承担值班、带班工作", RuleKey.SHIFT_OFFICER_NOT_LEADER, null, true),
    LEADER_IN_TWO_UNITS("带班领导同时履行多个单位的带班职责", RuleKey.LEADER_ONE_UNIT_AT_A_TIME, null, true),
    IMPORTANT_PERIOD_UNDERSTAFFED("重要时段同时在岗人数不足", RuleKey.IMPORTANT_PERIOD_MIN_ON_DUTY, null, true),
    UNTRAINED("未经岗前培训上岗", RuleKey.TRAINING_PRE_DUTY, null, true),
    UNAVAILABLE("请假或不能值班的人员被排班", null, null, true),
    TOO_LITTLE_REST("两班之间休息时间不足", null, "本单位规定的最短休息时间", true),
    WRONG_ROLE("带班岗位由非带班领导担任", null, null, true),
    UNFILLED("岗位未排人", RuleKey.DUTY_ROUND_THE_CLOCK, null, true),
    PART_TIME_TOO_FEW("兼职值班人员月均值班次数不足", RuleKey.PART_TIME_MIN_SHIFTS_PER_MONTH, null, false);

    private final String label;
    private final RuleKey policyKey;
    private final String fixedCitation;
    private final boolean hard;

    RosterRule(String label, RuleKey policyKey, String fixedCitation, boolean hard) {
        this.label = label;
        this.policyKey = policyKey;
        this.fixedCitation = fixedCitation;
        this.hard = hard;
    }

    public String label() {
        return label;
    }

    /** The policy rule this check enforces, or null where no policy rule holds it. */
    public RuleKey policyKey() {
        return policyKey;
    }

    /** The basis named where no policy rule applies, never an article of one regulation; null for none. */
    public String fixedCitation() {
        return fixedCitation;
    }

    public boolean hard() {
        return hard;
    }
}
