package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A page or a message is shown to units under different duty policies, so neither a template nor a string in the code
 * names a regulation or its article: a rule's citation comes from the unit's own effective policy, with the rule it
 * belongs to. Policy data (src/main/resources/policies) and the demo module are where articles are written.
 */
class TemplateCitationTests {

    /** A document number (宝政办发〔2022〕43号), the X district standard, or an article (第十二条, 七（三）). */
    static final Pattern CITATION = Pattern.compile(
            "〔\\d{4}〕\\d+号|值班工作标准规范|第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+（[一二三四五六七八九十]+）");

    @Test
    void noTemplateNamesARegulationOrItsArticle() throws IOException, URISyntaxException {
        Path templates = Path.of(getClass().getResource("/templates").toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (CITATION.matcher(lines.get(i)).find()) {
                        found.add(templates.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** A Java string literal, escapes included. */
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void noMessageInCodeNamesARegulationOrItsArticle() throws IOException {
        Path sources = Path.of("src/main/java");
        Path demo = sources.resolve("org/zhiban/demo");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(demo)).sorted()
                    .toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    if (STRING_LITERAL.matcher(line).results().anyMatch(m -> CITATION.matcher(m.group()).find())) {
                        found.add(sources.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void aStringLiteralIsFoundWhereItIsWritten() {
        assertThat(STRING_LITERAL.matcher("throw fail(\"请办理（\" + x + \"宝政办发〔2022〕43号）\");").results()
                .map(m -> m.group()).toList()).containsExactly("\"请办理（\"", "\"宝政办发〔2022〕43号）\"");
        assertThat(STRING_LITERAL.matcher("\"a\\\"b\"").results().map(m -> m.group()).toList())
                .containsExactly("\"a\\\"b\"");
    }

    @Test
    void aCitationIsRecognised() {
        assertThat(CITATION.matcher("依据（宝政办发〔2022〕43号 第十二条）").find()).isTrue();
        assertThat(CITATION.matcher("龙政办〔2023〕2号 七（三）").find()).isTrue();
        assertThat(CITATION.matcher("X区值班工作标准规范").find()).isTrue();
        assertThat(CITATION.matcher("按本单位值班规范").find()).isFalse();
    }
}
