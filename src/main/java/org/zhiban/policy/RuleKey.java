package org.zhiban.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of rule a duty policy can hold. The catalogue is code because modules act on each kind; the values
 * and the articles they come from are data in each policy.
 */
public enum RuleKey {
    // Staffing and the roster
    SHIFT_MIN_DURATION("shift.min-duration", "每班最短时长", Strictness.HIGHER, ValueType.DURATION),
    SHIFT_OFFICER_NOT_LEADER("shift.officer-not-leader", "同一人不得同时承担值班、带班工作", Strictness.REQUIRED, ValueType.BOOLEAN),
    LEADER_ONE_UNIT_AT_A_TIME("leader.one-unit-at-a-time", "带班领导不得同时履行多个单位的带班职责", Strictness.REQUIRED, ValueType.BOOLEAN),
    DUTY_FORMAL_STAFF_ONLY("duty.formal-staff-only", "只安排正式干部值班，严禁雇员、临聘、退休返聘人员顶岗", Strictness.REQUIRED, ValueType.BOOLEAN),
    DUTY_ROUND_THE_CLOCK("duty.round-the-clock", "实行24小时在岗值班", Strictness.REQUIRED, ValueType.BOOLEAN),
    IMPORTANT_PERIOD_MIN_ON_DUTY("important-period.min-on-duty", "重要时段同时在岗人数下限（县区政府、高新区管委会）", Strictness.HIGHER, ValueType.COUNT),
    PART_TIME_MIN_SHIFTS_PER_MONTH("part-time.min-shifts-per-month", "兼职值班人员月均值班次数下限", Strictness.HIGHER, ValueType.COUNT),
    HOLIDAY_LEADER_ON_DUTY("holiday.leader-on-duty", "法定节假日领导在岗带班（两级值班带班）", Strictness.REQUIRED, ValueType.BOOLEAN),
    HANDOVER_INCOMING_EARLY("handover.incoming-early", "接班人员提前到岗", Strictness.HIGHER, ValueType.DURATION),
    HANDOVER_SIGNED("handover.signed-face-to-face", "交接班书面签字、当面交接", Strictness.REQUIRED, ValueType.BOOLEAN),
    TRAINING_PRE_DUTY("training.pre-duty", "首次值班前须岗前培训", Strictness.REQUIRED, ValueType.BOOLEAN),
    TRAINING_PRE_HOLIDAY("training.pre-holiday", "节假日值班人员节前培训", Strictness.REQUIRED, ValueType.BOOLEAN),
    TRAINING_YEARLY_MIN("training.yearly-min", "每年度专项培训次数下限", Strictness.HIGHER, ValueType.COUNT),
    // Information reporting
    VERIFICATION_PHONE_FEEDBACK("verification.phone-feedback", "调度核实：电话反馈时限", Strictness.LOWER, ValueType.DURATION),
    VERIFICATION_WRITTEN_FEEDBACK("verification.written-feedback", "调度核实：书面反馈时限", Strictness.LOWER, ValueType.DURATION),
    INCIDENT_MAJOR_PHONE_REPORT("incident.major.phone-report", "特别重大、重大突发事件：电话报告时限", Strictness.LOWER, ValueType.DURATION),
    INCIDENT_MAJOR_WRITTEN_REPORT("incident.major.written-report", "特别重大、重大突发事件：书面报告时限", Strictness.LOWER, ValueType.DURATION),
    INCIDENT_LARGE_REPORT("incident.large.report", "较大突发事件：报告时限", Strictness.LOWER, ValueType.DURATION),
    INCIDENT_SKIP_LEVEL("incident.skip-level-report", "重特大突发事件同时直报国务院、省政府总值班室", Strictness.REQUIRED, ValueType.BOOLEAN),
    INSTRUCTION_PROVINCIAL_FEEDBACK("instruction.provincial-feedback", "省政府领导同志批示落实反馈时限", Strictness.LOWER, ValueType.WORKING_DAYS, ValueType.DAYS),
    ABSENCE_NOTICE_LEAD("absence-notice.lead", "主要负责人外出请假报备提前量", Strictness.HIGHER, ValueType.DAYS, ValueType.WORKING_DAYS),
    ABSENCE_NOTICE_APPROVAL("absence-notice.approval", "主要负责同志外出须经上级审批（请销假）", Strictness.REQUIRED, ValueType.BOOLEAN),
    ABSENCE_NOTICE_URGENT_BY_PHONE("absence-notice.urgent-by-phone", "紧急外出可先电话报告、事后补报书面报备", Strictness.REQUIRED, ValueType.BOOLEAN),
    INSTRUCTION_INITIAL_FEEDBACK("instruction.initial-feedback", "情况复杂需较长时间落实的批示：初步落实情况反馈时限", Strictness.LOWER, ValueType.WORKING_DAYS, ValueType.DAYS),
    INSTRUCTION_REPORT_TO_HEAD("instruction.report-to-head", "收到转送的批示后向本单位负责同志报告的时限", Strictness.LOWER, ValueType.DURATION),
    INSTRUCTION_FORWARD_MARGIN("instruction.forward-margin", "转办单位的反馈先于本单位向上反馈的提前量", Strictness.HIGHER, ValueType.DURATION),
    OBITUARY_NOTICE_LEAD("obituary-notice.lead", "讣告信息在遗体送别活动前报送的提前量", Strictness.HIGHER, ValueType.DAYS, ValueType.WORKING_DAYS),
    HOLIDAY_ROSTER_FILING_LEAD("holiday-roster.filing-lead", "节假日值班表报备提前量", Strictness.HIGHER, ValueType.DAYS, ValueType.WORKING_DAYS),
    HOLIDAY_DAILY_REPORT("holiday.daily-report", "节假日日报告、零报告", Strictness.REQUIRED, ValueType.BOOLEAN),
    HOLIDAY_DAILY_REPORT_DUE("holiday.daily-report-due", "节假日日报告每日报送时间", Strictness.EARLIER, ValueType.TIME_OF_DAY),
    HOLIDAY_SUMMARY_REPORT("holiday.summary-report", "节假日最后一天报送假期综合情况", Strictness.REQUIRED, ValueType.BOOLEAN),
    // The duty log
    DUTYLOG_MINUTE_PRECISION("dutylog.minute-precision", "值班记录时间具体到分钟", Strictness.REQUIRED, ValueType.BOOLEAN),
    DUTYLOG_NUMBERED_ARCHIVE("dutylog.numbered-archive", "值班记录编号归档", Strictness.REQUIRED, ValueType.BOOLEAN),
    DUTYLOG_RETENTION("dutylog.retention", "值班记录保存期限", Strictness.HIGHER, ValueType.DAYS),
    DUTYLOG_LONG_TERM("dutylog.long-term", "值班记录长期保存", Strictness.REQUIRED, ValueType.BOOLEAN),
    // Directory, phones and platform
    DIRECTORY_CONTENTS("directory.contents", "值班通讯录按层级载明机构和人员信息", Strictness.REQUIRED, ValueType.BOOLEAN),
    DIRECTORY_QUARTERLY_REVIEW("directory.quarterly-review", "每季度最后一周检查更新值班通讯录", Strictness.REQUIRED, ValueType.BOOLEAN),
    PHONE_ANSWER_WITHIN_RINGS("phone.answer-within-rings", "值班电话响铃几声内接听", Strictness.LOWER, ValueType.COUNT),
    SYSTEM_ADMINS_COUNT("system-admins.count", "系统管理员人数（AB角）", Strictness.HIGHER, ValueType.COUNT),
    VIDEO_CONFERENCE_READY("video-conference.ready", "接到视频会议要求后调试上线时限", Strictness.LOWER, ValueType.DURATION),
    VIDEO_PUSH_ON_REQUEST("video-push.on-request", "接到临时调取要求后推送视频图像时限", Strictness.LOWER, ValueType.DURATION),
    DUTY_ROOM_MIN_AREA("duty-room.min-area", "值班室建筑面积下限（平方米）", Strictness.HIGHER, ValueType.COUNT),
    DUTY_ROOM_VIDEO_CAPACITY("duty-room.video-capacity", "值班视频会议室容纳人数下限", Strictness.HIGHER, ValueType.COUNT),
    // Supervision
    ROLL_CALL_REPORT_TO_HEAD("roll-call.report-to-head", "视频点名后向本单位负责同志报告会议要点的时限", Strictness.LOWER, ValueType.DURATION),
    SPOT_CHECK_FAILED_RESULTS("spot-check.failed-results", "电话抽查中判为不合格、须整改的结果代码", Strictness.MORE_CODES, ValueType.CODES),
    RECTIFICATION_PERIOD("rectification.period", "整改通知的整改报告时限", Strictness.LOWER, ValueType.DAYS, ValueType.WORKING_DAYS),
    CONSULTATION_SYSTEM("consultation.system", "值班会商制度（节假日、重大会议活动等期间会商研判）", Strictness.REQUIRED, ValueType.BOOLEAN),
    CONSULTATION_BEFORE("consultation.before", "节假日和重要时段开始前组织值班会商的提前天数", Strictness.HIGHER, ValueType.DAYS),
    INSPECTION_YEARLY_FULL_COVERAGE("inspection.yearly-full-coverage", "每年度值班检查全覆盖", Strictness.REQUIRED, ValueType.BOOLEAN),
    BULLETIN_MIN_PER_YEAR("bulletin.min-per-year", "值班工作情况通报每年次数下限", Strictness.HIGHER, ValueType.COUNT),
    DIGEST_WEEKLY("digest.weekly", "每周编发《值班要情》", Strictness.REQUIRED, ValueType.BOOLEAN),
    EVALUATION_YEARLY("evaluation.yearly", "每年度值班工作评价（检查评估）", Strictness.REQUIRED, ValueType.BOOLEAN),
    SELF_ASSESSMENT_DECEMBER("self-assessment.december", "每年12月自我评估并提交自评报告", Strictness.REQUIRED, ValueType.BOOLEAN),
    // Secrecy
    SECRECY_NO_CONSUMER_CHAT("secrecy.no-consumer-chat", "严禁将值班信息上传微信、QQ等", Strictness.REQUIRED, ValueType.BOOLEAN);

    private final String key;
    private final String label;
    private final Strictness strictness;
    private final List<ValueType> types;

    RuleKey(String key, String label, Strictness strictness, ValueType... types) {
        this.key = key;
        this.label = label;
        this.strictness = strictness;
        this.types = List.of(types);
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Strictness strictness() {
        return strictness;
    }

    /** The value types the rule takes; the first is its usual one. */
    public List<ValueType> types() {
        return types;
    }

    public static Optional<RuleKey> find(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
