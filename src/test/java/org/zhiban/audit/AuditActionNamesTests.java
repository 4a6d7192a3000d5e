package org.zhiban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit page names every action in Chinese: each action the code records (the literals of an
 * {@code audit.record(…)} call, or of a module's {@code recorded(…)} helper that passes its action on) has its
 * {@code audit.action.*} message, so that an auditor never reads {@code DUTY_LOG_RECORDED}.
 */
class AuditActionNamesTests {

    private static final Pattern CALL = Pattern.compile("(audit\\.record|\\brecorded)\\(([^;]*);");
    private static final Pattern ACTION = Pattern.compile("\"([A-Z][A-Z_]+)\"");

    @Test
    void everyRecordedActionHasAChineseName() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(source));
                while (call.find()) {
                    ACTION.matcher(call.group(2)).results().forEach(m -> actions.add(m.group(1)));
                }
            }
        }
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(actions).as("actions found in the code").contains("LOGIN", "DUTY_LOG_RECORDED", "SWAP_APPROVED");
        assertThat(actions.stream().filter(a -> messages.getProperty("audit.action." + a) == null).toList())
                .as("actions without a Chinese name in messages.properties").isEmpty();
    }
}
