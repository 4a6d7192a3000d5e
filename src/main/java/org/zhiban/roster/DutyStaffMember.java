package org.zhiban.roster;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who stands duty in a unit's roster: as leader on duty or duty officer, full- or part-time, with the date
 * of the pre-duty training.
 */
public record DutyStaffMember(UUID personId, UUID unitId, String name, DutyRole role, boolean partTime,
        LocalDate trainedOn, boolean formalStaff) {
}
