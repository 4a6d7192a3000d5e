package org.zhiban.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person is in the duty directory (值班通讯录), beside the free-text post: the people 宝政办发〔2022〕43号 第九条
 * lists for each level are found by these, and a principal leader's absence must be notified (第十五条). A person may
 * hold several (a county head is both a principal and a government leader).
 */
public enum DirectoryRole {
    PRINCIPAL("主要负责同志"),
    GOVERNMENT_LEADER("政府领导同志"),
    SECRETARY_GENERAL("秘书长、副秘书长"),
    OFFICE_DIRECTOR("办公室主任"),
    OFFICE_DEPUTY_DIRECTOR("办公室副主任"),
    DUTY_OFFICE_HEAD("值班室负责同志"),
    DUTY_OFFICE_STAFF("值班室工作人员"),
    UNIT_LEADER("单位领导同志"),
    SECTION_HEAD("科室主要负责同志");

    private final String label;

    DirectoryRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The roles as the person row keeps them: names in declaration order, comma-separated; null when none. */
    public static String stored(Set<DirectoryRole> roles) {
        return roles == null || roles.isEmpty() ? null
                : roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<DirectoryRole> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(DirectoryRole.class);
        }
        return Arrays.stream(stored.split(",")).map(DirectoryRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DirectoryRole.class)));
    }
}
