package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.Role;

class RoleSeparationTests {

    @Test
    void combinesPlatformRoles_anyTwoOfTheThree() {
        assertThat(RoleSeparation.combinesPlatformRoles(EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN))).isTrue();
        assertThat(RoleSeparation.combinesPlatformRoles(EnumSet.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN))).isTrue();
        assertThat(RoleSeparation.combinesPlatformRoles(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN))).isTrue();
    }

    @Test
    void combinesPlatformRoles_notOneAlongsideUnitRoles() {
        assertThat(RoleSeparation.combinesPlatformRoles(EnumSet.of(Role.AUDIT_ADMIN))).isFalse();
        assertThat(RoleSeparation.combinesPlatformRoles(EnumSet.of(Role.DUTY_OFFICER, Role.LEADER_ON_DUTY,
                Role.DUTY_OFFICE_HEAD, Role.UNIT_ADMIN))).isFalse();
    }
}
