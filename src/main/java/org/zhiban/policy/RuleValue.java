package org.zhiban.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.function.BiFunction;

import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/** A typed rule value in canonical text form. */
public record RuleValue(ValueType type, String value) {

    /** Parses a value for a rule key, refusing a type the key does not take or a value not of the type. */
    public static RuleValue of(RuleKey key, ValueType type, String raw) {
        ValueType chosen = type != null ? type : key.types().get(0);
        if (!key.types().contains(chosen)) {
            throw ZhibanException.invalidField("type", "规则“" + key.label() + "”的取值类型应为 "
                    + String.join("或", key.types().stream().map(ValueType::label).toList()));
        }
        String canonical = chosen.canonical(raw).orElseThrow(() -> ZhibanException.invalidField("value",
                "规则“" + key.label() + "”的值“" + raw + "”不是有效的" + chosen.label() + "，例如 " + chosen.example()));
        return new RuleValue(chosen, canonical);
    }

    public String display() {
        return type.display(value);
    }

    public Duration asDuration() {
        requireType(ValueType.DURATION);
        return Duration.parse(value);
    }

    public int asInt() {
        if (type != ValueType.COUNT && type != ValueType.DAYS && type != ValueType.WORKING_DAYS) {
            throw new IllegalStateException(type + " is not a number");
        }
        return Integer.parseInt(value);
    }

    public boolean asBoolean() {
        requireType(ValueType.BOOLEAN);
        return Boolean.parseBoolean(value);
    }

    /** The codes of a set of codes, such as the spot-check results that count as failed. */
    public Set<String> codes() {
        requireType(ValueType.CODES);
        return Set.of(value.split(","));
    }

    public LocalTime asTimeOfDay() {
        requireType(ValueType.TIME_OF_DAY);
        return LocalTime.parse(value);
    }

    /**
     * For a lead of N days — or N working days — before a day: the end of the N-th day before it (提前3天: filed on
     * that day, it is three days ahead). The deadline of a holiday's roster, a principal's absence, an obituary.
     */
    public Instant endOfLeadBefore(LocalDate day, BiFunction<LocalDate, Integer, LocalDate> workingDaysBefore) {
        LocalDate lastDay = type == ValueType.WORKING_DAYS ? workingDaysBefore.apply(day, asInt())
                : day.minusDays(asInt());
        return lastDay.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
    }

    /**
     * For a deadline of N days — or N working days — after a day: the end of the N-th day after it, the day itself
     * never counting whatever the hour (5个工作日内报送: received on a Thursday, due at the end of the next Thursday).
     */
    public Instant endOfPeriodAfter(LocalDate day, BiFunction<LocalDate, Integer, LocalDate> workingDaysAfter) {
        LocalDate lastDay = type == ValueType.WORKING_DAYS ? workingDaysAfter.apply(day, asInt())
                : day.plusDays(asInt());
        return lastDay.plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
    }

    private void requireType(ValueType expected) {
        if (type != expected) {
            throw new IllegalStateException(type + " is not " + expected);
        }
    }
}
