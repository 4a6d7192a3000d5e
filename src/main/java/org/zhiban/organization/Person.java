package org.zhiban.organization;

import java.util.Set;
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
        Set<DirectoryRole> directoryRoles,
        boolean active,
        int version) {

    public Person {
        directoryRoles = directoryRoles == null || directoryRoles.isEmpty() ? Set.of() : Set.copyOf(directoryRoles);
    }

    public boolean isPrincipal() {
        return directoryRoles.contains(DirectoryRole.PRINCIPAL);
    }

    public boolean isFormalStaff() {
        return employmentType.isFormalStaff();
    }
}
