package org.zhiban.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.zhiban.shared.ZhibanException;

/** Checks of submitted text and codes, each failure naming its field in Chinese. */
final class Fields {

    private Fields() {
    }

    static String required(String field, String value, String label, int max) {
        if (value == null || value.isBlank()) {
            throw ZhibanException.invalidField(field, "请填写" + label);
        }
        return optional(field, value, label, max);
    }

    static String optional(String field, String value, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ZhibanException.invalidField(field, label + "不超过 " + max + " 个字");
        }
        return trimmed;
    }

    /** An enum constant by name; an unknown one is refused listing the names allowed. */
    static <E extends Enum<E>> E code(String field, String value, Class<E> type, String label) {
        if (value == null || value.isBlank()) {
            throw ZhibanException.invalidField(field, "请选择" + label);
        }
        try {
            return Enum.valueOf(type, value.trim());
        }
        catch (IllegalArgumentException unknown) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining("、"));
            throw ZhibanException.invalidField(field, "未知的" + label + "“" + value + "”，应为 " + allowed + " 之一");
        }
    }
}
