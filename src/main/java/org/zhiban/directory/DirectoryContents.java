package org.zhiban.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhiban.organization.DirectoryRole;
import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitKind;
import org.zhiban.organization.UnitLevel;

/**
 * What each level's directory must hold (宝政办发〔2022〕43号 第九条): the institution's address, postcode, duty
 * phone and fax; and — city government: its leaders, secretaries-general, the office's director and deputies and
 * every member of the general duty office; county government (and a management committee): its leaders, the
 * office's director and deputies and the duty office's head; town or street: its principals; a department: its
 * leaders, the one in charge of duty work marked 分管值班工作 in the remark, all duty office staff and each
 * section's head — each with name, post, mobile and office phone.
 */
public final class DirectoryContents {

    static final String DUTY_WORK_REMARK = "分管值班工作";

    private DirectoryContents() {
    }

    /** The roles a unit's directory must list people for, by its kind and level. */
    static List<DirectoryRole> requiredRoles(Unit unit) {
        if (unit.kind() == UnitKind.TOWN_STREET || unit.level() == UnitLevel.TOWN) {
            return List.of(DirectoryRole.PRINCIPAL);
        }
        if (isGovernment(unit) && (unit.level() == UnitLevel.CITY || unit.level() == UnitLevel.PROVINCE)) {
            return List.of(DirectoryRole.GOVERNMENT_LEADER, DirectoryRole.SECRETARY_GENERAL,
                    DirectoryRole.OFFICE_DIRECTOR, DirectoryRole.OFFICE_DEPUTY_DIRECTOR, DirectoryRole.DUTY_OFFICE_STAFF);
        }
        if (isGovernment(unit)) {
            return List.of(DirectoryRole.GOVERNMENT_LEADER, DirectoryRole.OFFICE_DIRECTOR,
                    DirectoryRole.OFFICE_DEPUTY_DIRECTOR, DirectoryRole.DUTY_OFFICE_HEAD);
        }
        return List.of(DirectoryRole.UNIT_LEADER, DirectoryRole.DUTY_OFFICE_STAFF, DirectoryRole.SECTION_HEAD);
    }

    /** What a unit's directory lacks, each named: empty when complete. */
    public static List<String> missing(Unit unit, List<Person> people) {
        List<String> missing = new ArrayList<>();
        requireText(missing, unit.address(), "办公地址");
        requireText(missing, unit.postcode(), "邮编");
        requireText(missing, unit.dutyPhone(), "值班电话");
        requireText(missing, unit.fax(), "传真");
        for (DirectoryRole role : requiredRoles(unit)) {
            if (people.stream().noneMatch(p -> p.directoryRoles().contains(role))) {
                missing.add("缺少" + role.label());
            }
        }
        if (!isGovernment(unit) && unit.kind() != UnitKind.TOWN_STREET && people.stream()
                .noneMatch(p -> p.directoryRoles().contains(DirectoryRole.UNIT_LEADER) && p.remark() != null
                        && p.remark().contains(DUTY_WORK_REMARK))) {
            missing.add("缺分管值班工作的负责同志（其备注应注明“" + DUTY_WORK_REMARK + "”）");
        }
        for (Person person : listed(unit, people)) {
            if (person.position() == null) {
                missing.add(person.name() + "缺职务");
            }
            if (person.mobile() == null) {
                missing.add(person.name() + "缺手机号码");
            }
            if (person.officePhone() == null) {
                missing.add(person.name() + "缺办公电话");
            }
        }
        return missing;
    }

    /** The people a unit's directory lists: those holding a role its level asks for, and its principals. */
    static List<Person> listed(Unit unit, List<Person> people) {
        Set<DirectoryRole> wanted = new java.util.HashSet<>(requiredRoles(unit));
        wanted.add(DirectoryRole.PRINCIPAL);
        return people.stream().filter(p -> p.directoryRoles().stream().anyMatch(wanted::contains)).toList();
    }

    private static boolean isGovernment(Unit unit) {
        return unit.kind() == UnitKind.PEOPLES_GOVERNMENT || unit.kind() == UnitKind.MANAGEMENT_COMMITTEE;
    }

    private static void requireText(List<String> missing, String value, String label) {
        if (value == null || value.isBlank()) {
            missing.add("缺" + label);
        }
    }
}
