package org.zhiban.organization;

import java.util.Set;
import java.util.UUID;

/** A person as lists and the API show them: phone numbers masked. */
public record PersonView(
        UUID id,
        UUID unitId,
        String name,
        String position,
        String mobile,
        String officePhone,
        EmploymentType employmentType,
        boolean formalStaff,
        String remark,
        Set<DirectoryRole> directoryRoles,
        boolean active,
        int version) {

    static PersonView masked(Person person) {
        return new PersonView(person.id(), person.unitId(), person.name(), person.position(),
                PhoneNumbers.mask(person.mobile()), PhoneNumbers.mask(person.officePhone()), person.employmentType(),
                person.isFormalStaff(), person.remark(), person.directoryRoles(), person.active(), person.version());
    }
}
