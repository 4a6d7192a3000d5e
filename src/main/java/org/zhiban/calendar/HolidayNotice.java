package org.zhiban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhiban.shared.ZhibanException;

/**
 * A year's holiday notice of the State Council General Office (国务院办公厅关于某年部分节假日安排的通知) in the
 * form an administrator types it: a {@code title = …} line, then one line per holiday naming its days off and
 * the weekend days worked instead, e.g. {@code 春节 off 2026-02-15..2026-02-23} and
 * {@code 春节 work 2026-02-14, 2026-02-28}. "休/放假" and "班/上班" may stand for off and work, "至" for "..".
 */
public record HolidayNotice(int year, String title, List<Day> days, String sourceText) {

    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s+(off|work|休|放假|班|上班)\\s+(.+)$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s*(?:(?:\\.\\.|至|~)\\s*(\\d{4}-\\d{2}-\\d{2}))?$");

    /** One day the notice names. */
    public record Day(LocalDate date, DayKind kind, String name) {
    }

    public static HolidayNotice parse(int year, String text) {
        if (year < 2000 || year > 2100) {
            throw ZhibanException.invalidField("year", "年份应在 2000 至 2100 之间");
        }
        if (text == null || text.isBlank()) {
            throw ZhibanException.invalidField("text", "请填写通知内容");
        }
        String title = null;
        Map<LocalDate, Day> days = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("title")) {
                int equals = line.indexOf('=');
                title = equals < 0 ? null : line.substring(equals + 1).strip();
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add("第 " + number + " 行格式不正确：应为“节日名称 off|work 日期”，如“春节 off 2026-02-15..2026-02-23”");
                continue;
            }
            String name = m.group(1);
            DayKind kind = m.group(2).equals("off") || m.group(2).startsWith("休") || m.group(2).equals("放假")
                    ? DayKind.HOLIDAY : DayKind.MAKEUP_WORKDAY;
            for (String part : m.group(3).split("[,，、]")) {
                addRange(year, number, name, kind, part.strip(), days, problems);
            }
        }
        if (title == null || title.isBlank()) {
            problems.add("缺少标题行，如“title = 国务院办公厅关于" + year + "年部分节假日安排的通知”");
        }
        if (days.isEmpty()) {
            problems.add("通知中没有任何放假或调休上班日期");
        }
        if (!problems.isEmpty()) {
            throw ZhibanException.invalidField("text", String.join("；", problems));
        }
        List<Day> sorted = days.values().stream().sorted(java.util.Comparator.comparing(Day::date)).toList();
        return new HolidayNotice(year, title, sorted, text);
    }

    private static void addRange(int year, int line, String name, DayKind kind, String part,
            Map<LocalDate, Day> days, List<String> problems) {
        Matcher m = RANGE.matcher(part);
        if (!m.matches()) {
            problems.add("第 " + line + " 行日期“" + part + "”格式不正确，应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD");
            return;
        }
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(m.group(1));
            last = m.group(2) == null ? first : LocalDate.parse(m.group(2));
        }
        catch (DateTimeParseException e) {
            problems.add("第 " + line + " 行日期“" + part + "”不存在");
            return;
        }
        if (last.isBefore(first) || last.toEpochDay() - first.toEpochDay() > 15) {
            problems.add("第 " + line + " 行日期范围“" + part + "”不合理");
            return;
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!belongsToYear(year, date)) {
                problems.add("第 " + line + " 行日期 " + date + " 不属于 " + year + " 年的通知");
            }
            else if (kind == DayKind.MAKEUP_WORKDAY && !isWeekend(date)) {
                problems.add("第 " + line + " 行 " + date + " 不是周末，不能作为调休上班日");
            }
            else if (days.containsKey(date)) {
                problems.add("第 " + line + " 行日期 " + date + " 重复出现");
            }
            else {
                days.put(date, new Day(date, kind, name));
            }
        }
    }

    /** A notice covers its year, and may begin a New Year holiday in the last days of December before it. */
    static boolean belongsToYear(int year, LocalDate date) {
        return date.getYear() == year || date.getYear() == year - 1 && date.getMonthValue() == 12
                && date.getDayOfMonth() >= 25;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
