package org.zhiban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private static Optional<String> weakness(String password) {
        return PasswordPolicy.weakness(password, "jintai", List.of("杨红婷"));
    }

    @Test
    void weakness_acceptsTheDemoPasswordAndHardToGuessOnes() {
        assertThat(weakness("Zhiban#2026")).isEmpty();
        assertThat(weakness("Sjdh#28xk")).isEmpty();
        assertThat(weakness("Baoji#Tea-Cup7")).isEmpty();
    }

    @Test
    void tooShort_refusesFewerThanEightCharacters() {
        assertThat(weakness("Ab1!xyz")).hasValueSatisfying(m -> assertThat(m).contains("8"));
        assertThat(weakness(null)).isPresent();
    }

    @Test
    void tooLong_refusesMoreThanBcryptReads() {
        assertThat(PasswordPolicy.tooLong("Aa1!".repeat(18))).isFalse();
        assertThat(PasswordPolicy.tooLong("Aa1!".repeat(18) + "x")).isTrue();
        assertThat(weakness("值班".repeat(12) + "Aa1!")).hasValueSatisfying(m -> assertThat(m).contains("72"));
    }

    @Test
    void tooFewClasses_refusesFewerThanThreeClasses() {
        assertThat(weakness("abcdefgh")).isPresent();
        assertThat(weakness("abcd1234")).isPresent();
        assertThat(weakness("ABCD!@#$")).isPresent();
    }

    @Test
    void containsUsername_refusesTheUsernameAnywhereInAnyCase() {
        assertThat(PasswordPolicy.containsUsername("Jintai#2026a", "jintai")).isTrue();
        assertThat(PasswordPolicy.containsUsername("x9JINTAI-77", "jintai")).isTrue();
        assertThat(weakness("Qz#7JinTai")).hasValue("密码不能包含用户名");
        assertThat(PasswordPolicy.containsUsername("Zhiban#2026", "jintai")).isFalse();
    }

    @Test
    void weakness_refusesThePasswordBeingReplaced() {
        assertThat(PasswordPolicy.weakness("Sjdh#28xk", "jintai", List.of(), "Sjdh#28xk"::equals))
                .hasValue("新密码不能与当前密码相同");
        assertThat(PasswordPolicy.weakness("Sjdh#28xk", "jintai", List.of(), "Zhiban#2026"::equals)).isEmpty();
    }

    @Test
    void guessable_refusesCommonPasswordsThatPassTheClassRule() {
        for (String common : List.of("Password1", "Aa123456", "Qwerty123!", "P@ssw0rd!", "1qaz@WSX", "Admin@123")) {
            assertThat(PasswordPolicy.classesUsed(common)).as(common).isGreaterThanOrEqualTo(3);
            assertThat(weakness(common)).as(common).isPresent();
        }
        assertThat(weakness("Password1")).hasValueSatisfying(m -> assertThat(m).contains("常用密码"));
    }

    @Test
    void guessable_refusesKeyboardPatternsAndSequences() {
        assertThat(weakness("abcdef1!")).hasValueSatisfying(m -> assertThat(m).contains("连续字符"));
        assertThat(PasswordPolicy.guessable("Zxcvbnm,./1", List.of())).isPresent();
    }

    @Test
    void guessable_takesThePersonsNameAndUsernameAsWords() {
        assertThat(PasswordPolicy.guessable("Wangjianguo1", List.of())).isEmpty();
        assertThat(PasswordPolicy.guessable("Wangjianguo1", List.of("wangjianguo"))).isPresent();
    }
}
