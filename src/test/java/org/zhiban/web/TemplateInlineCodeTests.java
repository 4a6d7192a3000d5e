package org.zhiban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The pages' Content-Security-Policy refuses inline styles, inline scripts, inline handlers and eval, so no
 * template may carry them: styles belong in zhiban.css, behaviour in zhiban.js.
 */
class TemplateInlineCodeTests {

    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "style attribute", Pattern.compile("[\\s\"',](?:th:|data-th-)?style(?:append)?\\s*=", Pattern.CASE_INSENSITIVE),
            "inline event handler", Pattern.compile("[\\s\"',](?:th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
            "htmx handler or evaluated value", Pattern.compile("\\bhx-on\\b|hx-vars\\s*=|hx-vals\\s*=\\s*[\"']\\s*(?:js|javascript):",
                    Pattern.CASE_INSENSITIVE),
            "htmx trigger filter (evaluated)", Pattern.compile("hx-trigger\\s*=\\s*\"[^\"]*\\[", Pattern.CASE_INSENSITIVE),
            "javascript: address", Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE),
            "style element", Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
            "inline script", Pattern.compile("<script\\b(?![^>]*\\bsrc\\s*=)[^>]*>|<script\\b[^>]*>[^<]*\\S[^<]*</script>",
                    Pattern.CASE_INSENSITIVE));

    @Test
    void noTemplateCarriesInlineStylesScriptsOrHandlers() throws IOException, URISyntaxException {
        Path templates = Path.of(getClass().getResource("/templates").toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            files.filter(file -> file.toString().endsWith(".html")).sorted().forEach(file ->
                    violations(read(file)).forEach(v -> found.add(templates.relativize(file) + ":" + v)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void eachKindOfInlineCodeIsFound() {
        assertThat(violations("<main class=\"x\" style=\"max-width: 1px\">")).containsExactly("1: style attribute");
        assertThat(violations("<td th:style=\"'padding-left:' + ${d}\">")).containsExactly("1: style attribute");
        assertThat(violations("<button onclick=\"window.print()\">")).containsExactly("1: inline event handler");
        assertThat(violations("<input th:onfocus=\"'x()'\">")).containsExactly("1: inline event handler");
        assertThat(violations("<input th:attr=\"hx-get=@{/x},onchange='x()'\">")).containsExactly("1: inline event handler");
        assertThat(violations("<div hx-on:click=\"x()\">")).containsExactly("1: htmx handler or evaluated value");
        assertThat(violations("<div hx-vals='js:{a: b()}'>")).containsExactly("1: htmx handler or evaluated value");
        assertThat(violations("<div hx-trigger=\"change[ok()] from:body\">"))
                .containsExactly("1: htmx trigger filter (evaluated)");
        assertThat(violations("<a href=\"javascript:history.back()\">")).containsExactly("1: javascript: address");
        assertThat(violations("<style>p { color: red }</style>")).containsExactly("1: style element");
        assertThat(violations("<p>\n<script>alert(1)</script>")).containsExactly("2: inline script");
        assertThat(violations("<script src=\"/js/x.js\">alert(1)</script>")).containsExactly("1: inline script");
        assertThat(violations("<script th:src=\"@{/js/zhiban.js}\"></script><div class=\"x\" data-one=\"1\">"))
                .isEmpty();
    }

    /** Each forbidden construct in a template's text, as "line: kind". */
    static List<String> violations(String template) {
        List<String> found = new ArrayList<>();
        FORBIDDEN.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(rule -> {
            Matcher matcher = rule.getValue().matcher(template);
            while (matcher.find()) {
                found.add(lineOf(template, matcher.start()) + ": " + rule.getKey());
            }
        });
        return found;
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
