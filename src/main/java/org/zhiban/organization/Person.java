package org.zhiban.organization;

import java.util.UUID;

/** A person in a unit, with unmasked phone numbers: only this module hands them out, masked or audited. */
public record Person(
        UUID id,
        UUID unitId,
        String name,
        String position,
        String mobile,
        String officePhone,
        EmploymentType employmentType,
        String remark,
        boolean active,
        int version) {

    public boolean isFormalStaff() {
        return employmentType.isFormalStaff();
    }
}
