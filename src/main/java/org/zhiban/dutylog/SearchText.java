package org.zhiban.dutylog;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The searchable text of an entry and its two-character grams. Chinese is written without spaces and most words are
 * two characters, so every run of two characters (whitespace excluded) is a gram: 昨夜暴雨 gives 昨夜 夜暴 暴雨. A query
 * of two or more characters can only match text holding all of its grams.
 */
public final class SearchText {

    private SearchText() {
    }

    /** Lower-cased, so that searches ignore case in numbers and Latin letters. */
    public static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** The distinct grams of a text, space-separated, in order of first appearance. */
    public static String grams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        int[] points = normalize(text).codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            if (!Character.isWhitespace(points[i]) && !Character.isWhitespace(points[i + 1])) {
                grams.add(new String(points, i, 2));
            }
        }
        return grams.stream().collect(Collectors.joining(" "));
    }

    /**
     * The searchable text of an entry: its elements, one per line, so that no gram spans two of them. The caller's
     * number is not among them: it is personal information, kept sealed and found by its keyed index (ADR 0024).
     */
    public static String entry(String summary, String place, String responsibleUnit, String handling, String outcome,
            String callerName, String callerUnit) {
        return lines(summary, place, responsibleUnit, handling, outcome, callerName, callerUnit);
    }

    private static String lines(String... elements) {
        return Arrays.stream(elements).filter(e -> e != null && !e.isBlank()).map(SearchText::normalize)
                .collect(Collectors.joining("\n"));
    }

    /** Who called, as one searchable line: name and unit (the number through its index). */
    public static String caller(String name, String unit) {
        String caller = lines(name, unit).replace('\n', ' ');
        return caller.isEmpty() ? null : caller;
    }
}
