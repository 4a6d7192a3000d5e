package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    @ParameterizedTest
    @ValueSource(strings = { "13812345678", "199 1234 5678", "+86 13812345678", "86-138-1234-5678", "17012345678" })
    void isMainlandMobile_acceptsElevenDigitMobiles(String number) {
        assertThat(PhoneNumbers.isMainlandMobile(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "12812345678", "1381234567", "138123456789", "0917-3261234", "abcdefghijk", "" })
    void isMainlandMobile_refusesOthers(String number) {
        assertThat(PhoneNumbers.isMainlandMobile(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0917-3261234", "09173261234", "(0917)3261234", "010-62345678", "0371-22345678",
            "0917-3261234-801", "021 52345678" })
    void isLandlineWithAreaCode_acceptsAreaCodeAndLocalNumber(String number) {
        assertThat(PhoneNumbers.isLandlineWithAreaCode(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "3261234", "0917-1261234", "0917-32612", "13812345678", "0917-326123456", "110" })
    void isLandlineWithAreaCode_refusesNumbersWithoutAreaCodeOrMalformed(String number) {
        assertThat(PhoneNumbers.isLandlineWithAreaCode(number)).isFalse();
    }

    @Test
    void normalizesToOneForm() {
        assertThat(PhoneNumbers.normalizeLandline("(0917)3261234")).hasValue("0917-3261234");
        assertThat(PhoneNumbers.normalizeLandline("010 62345678转801")).hasValue("010-62345678-801");
        assertThat(PhoneNumbers.normalizeMobile("+86 138 1234 5678")).hasValue("13812345678");
    }

    @Test
    void masksKeepOnlyEnoughToRecognise() {
        assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
        assertThat(PhoneNumbers.mask("0917-3261234")).isEqualTo("0917-****234");
        assertThat(PhoneNumbers.mask("0917-3261234-801")).isEqualTo("0917-****801");
        assertThat(PhoneNumbers.mask(null)).isNull();
    }
}
