package org.zhiban.organization;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a user sends to add or change a person. {@code active} false records that the person has left;
 * people are never deleted because rosters and logs refer to them. {@code directoryRoles} null on a change keeps
 * the person's roles, so that a client that does not know them leaves them as they are.
 */
public record PersonCommand(
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不超过50个字") String name,
        @Size(max = 100, message = "职务不超过100个字") String position,
        @MobileNumber String mobile,
        @LandlineNumber(allowMobile = true, message = "办公电话应为带区号的固定电话（如 0917-3261234）或手机号") String officePhone,
        @NotNull(message = "请选择用工性质") EmploymentType employmentType,
        @Size(max = 500, message = "备注不超过500个字") String remark,
        Set<DirectoryRole> directoryRoles,
        Boolean active,
        Integer version) {

    public static PersonCommand from(Person person) {
        return new PersonCommand(person.name(), person.position(), person.mobile(), person.officePhone(),
                person.employmentType(), person.remark(), person.directoryRoles(), person.active(), person.version());
    }

    /** A form sends every box it shows: none ticked means no roles, not "keep them". */
    public PersonCommand withDirectoryRolesAsSent() {
        return directoryRoles != null ? this : new PersonCommand(name, position, mobile, officePhone, employmentType,
                remark, Set.of(), active, version);
    }

    public static PersonCommand blank() {
        return new PersonCommand(null, null, null, null, null, null, Set.of(), true, null);
    }
}
