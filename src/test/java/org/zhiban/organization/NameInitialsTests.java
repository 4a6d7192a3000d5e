package org.zhiban.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameInitialsTests {

    @Test
    void aNameReadsAsItsPinyinInitialsEveryReadingOfACharacterIncluded() {
        assertThat(NameInitials.of("金台区人民政府").split(" ")).as("区 reads qu, and ou as a surname")
                .containsExactly("jtqrmzf", "jtormzf");
        assertThat(NameInitials.of("宝鸡市")).isEqualTo("bjs");
        assertThat(NameInitials.of("长安街道").split(" ")).contains("cajd", "zajd");
        assertThat(NameInitials.of("蟠龙镇（新区）")).as("punctuation is left out").startsWith("plzxq ");
        assertThat(NameInitials.looksLikeInitials("JTQ")).isTrue();
        assertThat(NameInitials.looksLikeInitials("金台")).isFalse();
    }
}
