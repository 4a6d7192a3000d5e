package org.zhiban.policy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The type of a rule's value, with its canonical text form and its Chinese display. */
public enum ValueType {
    DURATION("时长"),
    COUNT("数量"),
    WORKING_DAYS("工作日"),
    DAYS("天"),
    BOOLEAN("是/否"),
    TIME_OF_DAY("时刻"),
    /** A set of result codes, such as the phone spot-check results that count as failed ("12,13,14,21"). */
    CODES("代码");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value in canonical form ("PT30M", "3", "true", "16:00"), or empty when it is not of this type. */
    public Optional<String> canonical(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.trim();
        try {
            switch (this) {
                case DURATION -> {
                    Duration duration = Duration.parse(text.toUpperCase());
                    return duration.isNegative() || duration.isZero() || duration.toDays() > 366 ? Optional.empty()
                            : Optional.of(duration.toString());
                }
                case COUNT, WORKING_DAYS, DAYS -> {
                    int number = Integer.parseInt(text);
                    return number < 0 || number > 10_000 ? Optional.empty() : Optional.of(Integer.toString(number));
                }
                case BOOLEAN -> {
                    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                            ? Optional.of(text.toLowerCase()) : Optional.empty();
                }
                case TIME_OF_DAY -> {
                    return Optional.of(LocalTime.parse(text).withSecond(0).withNano(0).toString());
                }
                case CODES -> {
                    SortedSet<String> codes = new TreeSet<>(Arrays.asList(
                            text.split("[,，、\\s]+")));
                    codes.remove("");
                    boolean valid = !codes.isEmpty() && codes.size() <= 50
                            && codes.stream().allMatch(c -> c.matches("[0-9A-Z]{1,4}"));
                    return valid ? Optional.of(String.join(",", codes)) : Optional.empty();
                }
                default -> throw new IllegalStateException(name());
            }
        }
        catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How people read the value: "30 分钟", "3 个工作日", "是". */
    public String display(String canonical) {
        return switch (this) {
            case DURATION -> displayDuration(Duration.parse(canonical));
            case COUNT -> canonical;
            case WORKING_DAYS -> canonical + " 个工作日";
            case DAYS -> canonical + " 天";
            case BOOLEAN -> Boolean.parseBoolean(canonical) ? "是" : "否";
            case TIME_OF_DAY -> canonical;
            case CODES -> canonical.replace(",", "、");
        };
    }

    /** An example of a valid value, for error messages. */
    public String example() {
        return switch (this) {
            case DURATION -> "PT30M（30分钟）、PT1H（1小时）";
            case COUNT, WORKING_DAYS, DAYS -> "3";
            case BOOLEAN -> "true 或 false";
            case TIME_OF_DAY -> "16:00";
            case CODES -> "12,13,21";
        };
    }

    private static String displayDuration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return (minutes / (24 * 60)) + " 天";
        }
        if (minutes % 60 == 0) {
            return (minutes / 60) + " 小时";
        }
        if (minutes >= 60) {
            return (minutes / 60) + " 小时 " + (minutes % 60) + " 分钟";
        }
        return minutes + " 分钟";
    }
}
