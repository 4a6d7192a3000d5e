package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmploymentTypeTests {

    @Test
    void isFormalStaff_onlyCivilServantsAndPublicInstitutionStaff() {
        assertThat(EmploymentType.CIVIL_SERVANT.isFormalStaff()).isTrue();
        assertThat(EmploymentType.PUBLIC_INSTITUTION_STAFF.isFormalStaff()).isTrue();
        assertThat(EmploymentType.CONTRACT.isFormalStaff()).isFalse();
        assertThat(EmploymentType.TEMPORARY.isFormalStaff()).isFalse();
        assertThat(EmploymentType.REHIRED_RETIREE.isFormalStaff()).isFalse();
    }
}
