package org.zhiban.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.identity.Accounts;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitScope;
import org.zhiban.organization.UnitTree;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.RuleKey;
import org.zhiban.roster.internal.RosterRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.SheetLayout;
import org.zhiban.shared.Zones;
import org.zhiban.shared.ZhibanException;

/**
 * A month's roster as the spreadsheet offices print and post (日期, 星期, 班次, 开始, 结束, 带班领导, 值班员), and back:
 * an edited sheet imports into the unit's shifts. Import checks every row first — columns, dates, people, shift
 * lengths — and changes nothing unless every row is right; each bad row is named.
 */
@Service
public class RosterSpreadsheets {

    static final List<String> COLUMNS = List.of("日期", "星期", "班次", "开始", "结束", "带班领导", "值班员");
    static final List<String> REQUIRED = List.of("日期", "开始", "结束", "带班领导", "值班员");
    static final int MAX_ROWS = 200;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern MONTH_DAY = Pattern.compile("(?:(\\d{4})[年/.-])?(\\d{1,2})[月/.-](\\d{1,2})日?");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[、,，;；\\s]+");

    private final Rosters rosters;
    private final RosterRepository repository;
    private final DutyStaff dutyStaff;
    private final UnitTree unitTree;
    private final UnitScope scope;
    private final DutyPolicies policies;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final Clock clock;

    RosterSpreadsheets(Rosters rosters, RosterRepository repository, DutyStaff dutyStaff, UnitTree unitTree,
            UnitScope scope, DutyPolicies policies, AuditTrail audit, Accounts accounts, Clock clock) {
        this.rosters = rosters;
        this.repository = repository;
        this.dutyStaff = dutyStaff;
        this.unitTree = unitTree;
        this.scope = scope;
        this.policies = policies;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The month as an .xlsx in the layout offices print: A4 landscape, title, duty phone, one row per shift. */
    @Transactional(readOnly = true)
    public byte[] export(Actor actor, UUID unitId, YearMonth month) {
        Roster roster = rosters.find(actor, unitId, month.atDay(1)).orElseThrow(() -> ZhibanException.notFound(
                "ROSTER_NOT_FOUND", month.getYear() + "年" + month.getMonthValue() + "月值班表尚未生成"));
        Unit unit = unitTree.find(unitId).orElseThrow();
        try (Workbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(month.getYear() + "年" + month.getMonthValue() + "月");
            Styles styles = new Styles(book);
            title(sheet, 0, unit.name() + " " + month.getYear() + "年" + month.getMonthValue() + "月值班表", styles.title);
            title(sheet, 1, "值班电话：" + (unit.dutyPhone() == null ? "未登记" : unit.dutyPhone()) + "　　"
                    + roster.status().label() + (roster.publishedAt() == null ? ""
                            : "（" + roster.publishedAt().toLocalDate() + " 发布）"), styles.subtitle);
            Row header = sheet.createRow(2);
            for (int c = 0; c < COLUMNS.size(); c++) {
                cell(header, c, COLUMNS.get(c), styles.header);
            }
            int r = 3;
            for (Roster.Shift shift : roster.shifts()) {
                Row row = sheet.createRow(r++);
                cell(row, 0, shift.day().toString(), styles.body);
                cell(row, 1, shift.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA), styles.body);
                cell(row, 2, shift.name(), styles.body);
                cell(row, 3, HH_MM.format(shift.start()), styles.body);
                cell(row, 4, HH_MM.format(shift.end()), styles.body);
                cell(row, 5, names(shift, DutyRole.LEADER), styles.body);
                cell(row, 6, names(shift, DutyRole.OFFICER), styles.body);
            }
            r++;
            title(sheet, r++, "注：值班、带班人员因故不能到岗的须提前调班，并经带班领导批准。",
                    styles.note);
            signatures(sheet, r + 1, List.of(
                    new String[] { "制表单位：" + (unit.dutyOfficeName() == null ? unit.name() : unit.dutyOfficeName()),
                            "制表人：", preparedBy(roster.id()) },
                    new String[] { "导出时间：" + Zones.MINUTE.format(clock.instant()), "审核人：", null },
                    new String[] { "", "带班领导：", null }), styles);
            SheetLayout.printAsOffices(sheet, 2, COLUMNS.size(), new int[] {13, 6, 12, 8, 8, 12, 36});
            book.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new IllegalStateException("Writing the roster spreadsheet failed", e);
        }
    }

    /**
     * Imports a sheet of that layout into the unit's month (a draft, created from the shift pattern if need be):
     * each row sets the leader and officers of the shift that starts at that day and time. Any bad row and nothing
     * changes; the refusal names every bad row.
     */
    @Transactional
    public ImportResult importSheet(Actor actor, UUID unitId, YearMonth month, InputStream content) {
        Unit unit = unitTree.find(unitId).orElseThrow(() -> ZhibanException.notFound("UNIT_NOT_FOUND",
                "单位不存在：" + unitId));
        scope.requireDutyWorkManageable(actor, unitId);
        List<SheetRow> rows = read(content);
        RosterRepository.RosterRow roster = rosters.draftOf(actor, unitId, month.atDay(1));
        Map<String, RosterRepository.ShiftRow> shifts = new HashMap<>();
        repository.shifts(roster.id()).forEach(s -> shifts.put(shiftKey(s.day(), LocalTime.ofInstant(s.start(),
                Zones.CHINA)), s));
        Map<UUID, List<RosterRepository.SlotRow>> slots = repository.slots(roster.id()).stream()
                .collect(Collectors.groupingBy(RosterRepository.SlotRow::shiftId));
        Map<String, List<DutyStaffMember>> staff = dutyStaff.rosterable(unitId).stream()
                .collect(Collectors.groupingBy(DutyStaffMember::name));
        EffectiveRule minimum = policies.effective(unitId).rule(RuleKey.SHIFT_MIN_DURATION).orElse(null);

        List<ZhibanException.FieldProblem> problems = new ArrayList<>();
        List<RosterRepository.SlotRow> before = new ArrayList<>();
        List<RosterRepository.SlotRow> after = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (SheetRow row : rows) {
            List<String> errors = new ArrayList<>();
            LocalDate day = day(row.cells().get("日期"), month, errors);
            LocalTime start = time(row.cells().get("开始"), "开始", errors);
            LocalTime end = time(row.cells().get("结束"), "结束", errors);
            RosterRepository.ShiftRow shift = null;
            if (day != null && start != null && end != null) {
                Duration length = shiftLength(start, end);
                if (minimum != null && length.compareTo(minimum.ruleValue().asDuration()) < 0) {
                    errors.add("班次仅 " + ShiftPatterns.hours(length) + "，每班不少于 "
                            + ShiftPatterns.hours(minimum.ruleValue().asDuration()) + "（" + minimum.citation() + "）");
                }
                else {
                    shift = shifts.get(shiftKey(day, start));
                    if (shift == null) {
                        errors.add(day + " 没有 " + start + " 开始的班次，请按本单位班次设置填写");
                    }
                    else if (!Duration.between(shift.start(), shift.end()).equals(length)) {
                        errors.add(day + " " + start + " 的班次应到 " + HH_MM.format(shift.end().atZone(Zones.CHINA))
                                + " 结束");
                        shift = null;
                    }
                    else if (!seen.add(shift.id())) {
                        errors.add(day + " " + start + " 的班次重复出现");
                        shift = null;
                    }
                }
            }
            UUID leader = person(row.cells().get("带班领导"), DutyRole.LEADER, staff, errors).stream().findFirst()
                    .orElse(null);
            List<UUID> officers = person(row.cells().get("值班员"), DutyRole.OFFICER, staff, errors);
            if (shift != null && errors.isEmpty()) {
                List<RosterRepository.SlotRow> positions = slots.getOrDefault(shift.id(), List.of());
                List<RosterRepository.SlotRow> officerSlots = positions.stream()
                        .filter(p -> p.role() == DutyRole.OFFICER).toList();
                if (officers.size() > officerSlots.size()) {
                    errors.add("该班次只有 " + officerSlots.size() + " 个值班员岗位，填了 " + officers.size() + " 人");
                }
                else {
                    for (RosterRepository.SlotRow position : positions) {
                        UUID person = position.role() == DutyRole.LEADER ? leader
                                : position.position() < officers.size() ? officers.get(position.position()) : null;
                        before.add(position);
                        after.add(position.with(person, true, "IMPORT"));
                    }
                }
            }
            errors.forEach(e -> problems.add(new ZhibanException.FieldProblem("第" + row.number() + "行", e)));
        }
        if (!problems.isEmpty()) {
            throw new ZhibanException(400, "ROSTER_IMPORT_INVALID", "导入文件有 " + problems.size()
                    + " 处错误，值班表未作改动。首处：" + problems.get(0).field() + "：" + problems.get(0).message(),
                    problems);
        }
        rosters.apply(actor, roster.id(), before, after);
        audit.record("ROSTER_IMPORTED", "roster:" + roster.id(), AuditOutcome.SUCCESS, unit.name() + " "
                + month.getYear() + "年" + month.getMonthValue() + "月，" + rows.size() + " 行");
        return new ImportResult(roster.id(), rows.size(), (int) IntStream.range(0, after.size())
                .filter(i -> !Objects.equals(before.get(i).personId(), after.get(i).personId())).count());
    }

    /** The sheet's data rows under the header row, by column name; refuses a sheet without the required columns. */
    static List<SheetRow> read(InputStream content) {
        Workbook book;
        try {
            book = new XSSFWorkbook(content);
        }
        catch (IOException | RuntimeException e) {
            throw ZhibanException.invalidField("file", "文件不是有效的 .xlsx 工作簿，请使用“导出Excel”得到的格式");
        }
        try (book) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            int headerRow = -1;
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 10) && headerRow < 0; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).trim();
                    if (COLUMNS.contains(text)) {
                        columns.put(text, cell.getColumnIndex());
                    }
                }
                if (columns.containsKey("日期")) {
                    headerRow = r;
                }
                else {
                    columns.clear();
                }
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (headerRow < 0 || !missing.isEmpty()) {
                throw ZhibanException.invalidField("columns", "表头缺少列：" + String.join("、", headerRow < 0
                        ? REQUIRED : missing) + "（应为 " + String.join("、", COLUMNS) + "）");
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> cells = new HashMap<>();
                if (row != null) {
                    columns.forEach((name, c) -> {
                        Cell cell = row.getCell(c);
                        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            cells.put(name, cell.getLocalDateTimeCellValue());
                        }
                        else if (cell != null) {
                            cells.put(name, formatter.formatCellValue(cell).trim());
                        }
                    });
                }
                Object date = cells.get("日期");
                if (date == null || date.toString().isBlank()) {
                    continue;
                }
                if (date.toString().startsWith("注") || date.toString().startsWith("制表")) {
                    break;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ZhibanException.invalidField("file", "一个月的值班表不超过 " + MAX_ROWS + " 行");
                }
                rows.add(new SheetRow(r + 1, cells));
            }
            if (rows.isEmpty()) {
                throw ZhibanException.invalidField("file", "表中没有值班安排");
            }
            return rows;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who prepared the sheet (制表人): the person who published the roster, as the system knows them; null for a
     * draft or a publisher without a person, leaving the line to sign on paper like 审核人 and 带班领导.
     */
    String preparedBy(UUID rosterId) {
        return repository.publishedBy(rosterId).map(username -> accounts.personNames(List.of(username)).get(username))
                .orElse(null);
    }

    /**
     * The lines signed on paper below the grid, at the right as offices sign (a label, then a ruled line with the
     * name where it is known), beside who made the sheet and when. Their first column never reads as a row of
     * shifts: an import stops at the note above them, or at 制表单位.
     */
    private static void signatures(Sheet sheet, int first, List<String[]> lines, Styles styles) {
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            Row row = sheet.createRow(first + i);
            row.setHeightInPoints(26);
            cell(row, 0, line[0], styles.note);
            sheet.addMergedRegion(new CellRangeAddress(first + i, first + i, 0, 4));
            cell(row, 5, line[1], styles.signatureLabel);
            cell(row, 6, line[2] == null ? "" : line[2], styles.signatureLine);
        }
    }

    /** A shift from start to end on the clock; an end at or before the start is the next day. */
    static Duration shiftLength(LocalTime start, LocalTime end) {
        Duration length = Duration.between(start, end);
        return length.isNegative() || length.isZero() ? length.plusHours(24) : length;
    }

    private static LocalDate day(Object value, YearMonth month, List<String> errors) {
        LocalDate day = null;
        if (value instanceof LocalDateTime dateTime) {
            day = dateTime.toLocalDate();
        }
        else if (value != null) {
            String text = value.toString();
            try {
                day = LocalDate.parse(text);
            }
            catch (DateTimeParseException e) {
                Matcher m = MONTH_DAY.matcher(text);
                if (m.matches()) {
                    try {
                        day = LocalDate.of(m.group(1) == null ? month.getYear() : Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    }
                    catch (DateTimeException invalid) {
                        day = null;
                    }
                }
            }
            if (day == null) {
                errors.add("日期“" + text + "”无法识别，应形如 " + month.atDay(1));
                return null;
            }
        }
        if (day != null && !YearMonth.from(day).equals(month)) {
            errors.add("日期 " + day + " 不在" + month.getYear() + "年" + month.getMonthValue() + "月内");
            return null;
        }
        return day;
    }

    private static LocalTime time(Object value, String column, List<String> errors) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toLocalTime();
        }
        String text = value == null ? "" : value.toString();
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        }
        catch (DateTimeParseException e) {
            errors.add(column + "时间“" + text + "”无法识别，应形如 08:30");
            return null;
        }
    }

    /** The people named in a cell, each of whom must stand that post in the unit (and be the only one so named). */
    private static List<UUID> person(Object value, DutyRole role, Map<String, List<DutyStaffMember>> staff,
            List<String> errors) {
        String text = value == null ? "" : value.toString().trim();
        if (text.isEmpty()) {
            return List.of();
        }
        List<UUID> people = new ArrayList<>();
        for (String name : NAME_SEPARATORS.split(text)) {
            List<DutyStaffMember> named = staff.getOrDefault(name, List.of()).stream()
                    .filter(m -> m.role() == role).toList();
            if (named.isEmpty()) {
                errors.add("查无此人：“" + name + "”不是本单位的" + role.label());
            }
            else if (named.size() > 1) {
                errors.add("本单位有 " + named.size() + " 位" + role.label() + "名叫“" + name + "”，请在值班表页面安排");
            }
            else {
                people.add(named.get(0).personId());
            }
        }
        if (role == DutyRole.LEADER && people.size() > 1) {
            errors.add("每班只有一位带班领导");
        }
        return people;
    }

    private static String names(Roster.Shift shift, DutyRole role) {
        return shift.positions().stream().filter(p -> p.role() == role && p.personName() != null)
                .map(Roster.Position::personName).collect(Collectors.joining("、"));
    }

    private static String shiftKey(LocalDate day, LocalTime start) {
        return day + "T" + start;
    }

    private static void title(Sheet sheet, int r, String text, CellStyle style) {
        Row row = sheet.createRow(r);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS.size() - 1));
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** A data row of an imported sheet: its number as Excel shows it, and its cells by column name. */
    record SheetRow(int number, Map<String, Object> cells) {
    }

    /** What an import did: the roster, the rows read and the positions that changed. */
    public record ImportResult(UUID rosterId, int rows, int changedPositions) {
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle subtitle;
        final CellStyle header;
        final CellStyle body;
        final CellStyle note;
        final CellStyle signatureLabel;
        final CellStyle signatureLine;

        Styles(Workbook book) {
            title = book.createCellStyle();
            Font big = book.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            subtitle = book.createCellStyle();
            subtitle.setAlignment(HorizontalAlignment.CENTER);
            header = SheetLayout.bordered(book);
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            body = SheetLayout.bordered(book);
            note = book.createCellStyle();
            note.setVerticalAlignment(VerticalAlignment.BOTTOM);
            signatureLabel = book.createCellStyle();
            signatureLabel.setAlignment(HorizontalAlignment.RIGHT);
            signatureLabel.setVerticalAlignment(VerticalAlignment.BOTTOM);
            signatureLine = book.createCellStyle();
            signatureLine.setBorderBottom(BorderStyle.THIN);
            signatureLine.setVerticalAlignment(VerticalAlignment.BOTTOM);
        }
    }
}
