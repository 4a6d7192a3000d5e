package org.zhiban.supervision;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a superior looked at a unit's duty work beyond a phone spot check: a site visit (实地查看) or a yearly inspection
 * (检查评估, 宝政办发〔2022〕43号 第二十八条, X区 第二十四条), which count towards the year's coverage; a phone reminder,
 * a face-to-face talk (约谈) or a letter of enquiry (函询, X区 第七条), which press for rectification but inspect
 * nothing.
 */
public enum InspectionKind {
    SITE_VISIT("实地查看", true),
    YEARLY_INSPECTION("年度检查评估", true),
    PHONE_REMINDER("电话提醒", false),
    TALK("约谈", false),
    LETTER("函询", false);

    private final String label;
    private final boolean covers;

    InspectionKind(String label, boolean covers) {
        this.label = label;
        this.covers = covers;
    }

    public String label() {
        return label;
    }

    /** Whether it counts as the year's inspection of the unit. */
    public boolean covers() {
        return covers;
    }

    public static Optional<InspectionKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    static List<String> covering() {
        return Arrays.stream(values()).filter(InspectionKind::covers).map(Enum::name).toList();
    }
}
