package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** RFC 5545 3.1: lines of at most 75 octets, continued with a space, no character split. */
class ContentLinesTests {

    private static final String DESCRIPTION = "DESCRIPTION:带班领导：张建国\\n值班员：王芳、李强\\n值班电话：0917-3261234\\n"
            + "以系统中已发布的值班表为准。";

    @Test
    void aLineOfChineseIsFoldedWithinSeventyFiveOctetsAndUnfoldsToWhatItWas() {
        String folded = ContentLines.foldByOctets("BEGIN:VEVENT\r\n" + DESCRIPTION + "\r\nEND:VEVENT\r\n");
        assertThat(DESCRIPTION.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ContentLines.MAX_OCTETS);
        assertThat(Arrays.stream(folded.split("\r\n")).mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length))
                .allMatch(octets -> octets <= ContentLines.MAX_OCTETS);
        assertThat(folded.replace("\r\n ", "")).isEqualTo("BEGIN:VEVENT\r\n" + DESCRIPTION + "\r\nEND:VEVENT\r\n");
        assertThat(folded).endsWith("\r\n").doesNotContain("\uFFFD");
    }

    @Test
    void aLineFoldedByCharactersIsUnfoldedFirst() {
        String byCharacters = DESCRIPTION.substring(0, 60) + "\r\n " + DESCRIPTION.substring(60) + "\r\n";
        assertThat(ContentLines.foldByOctets(byCharacters).replace("\r\n ", "")).isEqualTo(DESCRIPTION + "\r\n");
    }

    @Test
    void aShortLineIsLeftAlone() {
        assertThat(ContentLines.foldByOctets("VERSION:2.0\r\n")).isEqualTo("VERSION:2.0\r\n");
    }
}
