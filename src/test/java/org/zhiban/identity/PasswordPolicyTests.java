package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void weakness_acceptsEightCharactersOfThreeClasses() {
        assertThat(PasswordPolicy.weakness("Zhiban#2026", "jintai")).isEmpty();
        assertThat(PasswordPolicy.weakness("abcdEF12", "jintai")).isEmpty();
        assertThat(PasswordPolicy.weakness("abcdef1!", "jintai")).isEmpty();
    }

    @Test
    void weakness_refusesShortPasswords() {
        assertThat(PasswordPolicy.weakness("Ab1!xyz", "jintai")).hasValueSatisfying(m -> assertThat(m).contains("8"));
        assertThat(PasswordPolicy.weakness(null, "jintai")).isPresent();
    }

    @Test
    void weakness_refusesFewerThanThreeClasses() {
        assertThat(PasswordPolicy.weakness("abcdefgh", "jintai")).isPresent();
        assertThat(PasswordPolicy.weakness("abcd1234", "jintai")).isPresent();
        assertThat(PasswordPolicy.weakness("ABCD!@#$", "jintai")).isPresent();
    }

    @Test
    void weakness_refusesTheUsername() {
        assertThat(PasswordPolicy.weakness("Jintai#2026a", "Jintai#2026a")).isPresent();
    }
}
