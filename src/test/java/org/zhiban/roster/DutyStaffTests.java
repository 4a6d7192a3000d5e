package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiban.organization.EmploymentType;
import org.zhiban.organization.Person;
import org.zhiban.shared.ZhibanException;

class DutyStaffTests {

    @Test
    void onlyFormalStaffStandDuty() {
        assertThatThrownBy(() -> DutyStaff.requireFormalStaff(person(EmploymentType.TEMPORARY), "宝政办发〔2022〕43号 第八条"))
                .isInstanceOf(ZhibanException.class)
                .hasMessage("王芳为临聘人员，不得安排值班（宝政办发〔2022〕43号 第八条）");
        assertThatCode(() -> DutyStaff.requireFormalStaff(person(EmploymentType.PUBLIC_INSTITUTION_STAFF), ""))
                .doesNotThrowAnyException();
    }

    private static Person person(EmploymentType type) {
        return new Person(UUID.randomUUID(), UUID.randomUUID(), "王芳", "科员", "13800000000", null, type, null, null, true, 0);
    }
}
