package org.zhiban.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

import org.zhiban.shared.ZhibanException;
import org.zhiban.shared.Zones;

/**
 * A quarter and its directory review's window: the seven days ending on the quarter's last day, due by the end of
 * that day, China time (宝政办发〔2022〕43号 第二十五条: 每季度最后一周安排对数据进行检查和更新).
 */
public record ReviewQuarter(int year, int quarter) {

    /** The quarter a day of China falls in. */
    public static ReviewQuarter of(LocalDate day) {
        return new ReviewQuarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
    }

    public static ReviewQuarter at(Instant instant) {
        return of(instant.atZone(Zones.CHINA).toLocalDate());
    }

    /** A quarter as written in a request or a row, {@code 2026Q4}; anything else is refused naming the field. */
    public static ReviewQuarter parse(String code) {
        if (code == null || !code.matches("20[0-9]{2}Q[1-4]")) {
            throw ZhibanException.invalidField("quarter", "季度应写作 2026Q4 的形式");
        }
        return new ReviewQuarter(Integer.parseInt(code.substring(0, 4)), code.charAt(5) - '0');
    }

    public LocalDate lastDay() {
        return LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
    }

    /** The window opens at the start of the sixth day before the last: the last week, the last day included. */
    public Instant opensAt() {
        return lastDay().minusDays(6).atStartOfDay(Zones.CHINA).toInstant();
    }

    /** Due by the end of the quarter's last day. */
    public Instant dueAt() {
        return lastDay().plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
    }

    /** As stored and in subjects: 2026Q4. */
    public String code() {
        return year + "Q" + quarter;
    }

    public String label() {
        return year + "年第" + "一二三四".charAt(quarter - 1) + "季度";
    }
}
