package org.zhiban.organization;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One field of a person's directory entry changed: who changed it, when, and the old and new values — numbers
 * masked, as every list shows them (宝政办发〔2022〕43号 第二十五条: 遇有变动即时修改, and the change stays visible).
 */
public record PersonChange(OffsetDateTime changedAt, String changedBy, String field, String fieldLabel,
        String oldValue, String newValue) {

    /** The fields of an entry a change is recorded for, with their labels and how their values read. */
    enum Field {
        NAME("姓名", Person::name),
        POSITION("职务", Person::position),
        MOBILE("手机", p -> PhoneNumbers.mask(p.mobile())),
        OFFICE_PHONE("办公电话", p -> PhoneNumbers.mask(p.officePhone())),
        EMPLOYMENT_TYPE("用工性质", p -> p.employmentType().label()),
        REMARK("备注", Person::remark),
        DIRECTORY_ROLES("通讯录身份", p -> labels(p.directoryRoles())),
        ACTIVE("在职", p -> p.active() ? "在职" : "已离开");

        private final String label;
        private final Function<Person, String> value;

        Field(String label, Function<Person, String> value) {
            this.label = label;
            this.value = value;
        }

        String label() {
            return label;
        }
    }

    /** A field that changed from one version of a person to the next. */
    record Difference(Field field, String oldValue, String newValue) {
    }

    /** What differs between two versions of a person, field by field, in the entry's order. */
    static List<Difference> between(Person before, Person after) {
        List<Difference> differences = new ArrayList<>();
        for (Field field : Field.values()) {
            String old = field.value.apply(before);
            String now = field.value.apply(after);
            if (!Objects.equals(old, now)) {
                differences.add(new Difference(field, old, now));
            }
        }
        return differences;
    }

    /** Whether a change is one a principal's superior is told of (龙政办 七（二）8: 任职变动或联系方式变化). */
    static boolean isPostOrContact(Field field) {
        return field == Field.POSITION || field == Field.MOBILE || field == Field.OFFICE_PHONE
                || field == Field.DIRECTORY_ROLES || field == Field.ACTIVE;
    }

    static String labels(Set<DirectoryRole> roles) {
        return roles.isEmpty() ? null
                : roles.stream().sorted().map(DirectoryRole::label).collect(Collectors.joining("、"));
    }
}
