package org.zhiban.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiban.shared.Zones;
import org.zhiban.support.Api;
import org.zhiban.support.IntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/** The month as the spreadsheet offices print, and back: a good sheet imports, a bad one changes nothing. */
class RosterSpreadsheetIntegrationTests extends IntegrationTestSupport {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theExportIsTheLayoutOfficesPrintAndAnEditedCopyImportsBack() throws IOException {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(12);
        String roster = solvedDraft(head, unit, month);
        byte[] exported = head.bytes("/api/v1/units/" + unit + "/rosters/" + month + "/xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("金台区人民政府 " + month.getYear() + "年"
                    + month.getMonthValue() + "月值班表");
            List<String> header = new ArrayList<>();
            sheet.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("日期", "星期", "班次", "开始", "结束", "带班领导", "值班员");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(month.atDay(1).toString());
            assertThat(sheet.getRow(2 + month.lengthOfMonth()).getCell(0).getStringCellValue())
                    .isEqualTo(month.atEndOfMonth().toString());
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isNotBlank();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            // A draft has no preparer yet: every line below the grid is left to sign, and the sheet still imports.
            assertThat(signatures(sheet)).containsExactly(Map.entry("制表人：", ""), Map.entry("审核人：", ""),
                    Map.entry("带班领导：", ""));
        }

        int index = 9;
        Optional<String> free = otherOfficer(head, unit, roster, index);
        while (free.isEmpty() && index < month.lengthOfMonth() - 2) {
            free = otherOfficer(head, unit, roster, ++index);
        }
        String other = free.orElseThrow(() -> new AssertionError("no trained officer free around any shift"));
        int row = 3 + index;
        // The first officer is replaced and any other kept: a shift may have two officers (an important period).
        byte[] edited = edit(exported, sheet -> {
            String officers = sheet.getRow(row).getCell(6).getStringCellValue();
            int second = officers.indexOf('、');
            sheet.getRow(row).getCell(6).setCellValue(second < 0 ? other : other + officers.substring(second));
        });
        Api.Response imported = head.postBytes("/api/v1/units/" + unit + "/rosters/" + month + "/xlsx", edited,
                XLSX);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("changedPositions").asInt()).isEqualTo(1);
        JsonNode position = head.get("/api/v1/rosters/" + roster).json().get("shifts").get(index).get("positions")
                .get(1);
        assertThat(position.get("personName").asString()).isEqualTo(other);
        assertThat(position.get("pinned").asBoolean()).isTrue();
        assertThat(head.get("/api/v1/rosters/" + roster + "/history").json().get(0).get("cause").asString())
                .isEqualTo("IMPORT");
    }

    @Test
    void aMalformedSheetIsRefusedWithEachBadRowNamedAndTheRosterUnchanged() throws IOException {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(14);
        String roster = solvedDraft(head, unit, month);
        byte[] exported = head.bytes("/api/v1/units/" + unit + "/rosters/" + month + "/xlsx");
        String before = head.get("/api/v1/rosters/" + roster).json().get("shifts").toString();
        String path = "/api/v1/units/" + unit + "/rosters/" + month + "/xlsx";

        byte[] noEndColumn = edit(exported, sheet -> sheet.getRow(2).getCell(4).setCellValue("备注"));
        Api.Response missingColumn = head.postBytes(path, noEndColumn, XLSX);
        assertThat(missingColumn.status()).isEqualTo(400);
        assertThat(missingColumn.json().get("detail").asString()).contains("缺少列：结束");

        byte[] badRows = edit(exported, sheet -> {
            sheet.getRow(3 + 2).getCell(5).setCellValue("查无名");
            Row shortShift = sheet.getRow(3 + 4);
            LocalTime start = LocalTime.parse(shortShift.getCell(3).getStringCellValue());
            shortShift.getCell(4).setCellValue(start.plusHours(4).toString());
            sheet.getRow(3 + 6).getCell(0).setCellValue(month.plusMonths(1).atDay(1).toString());
        });
        Api.Response refused = head.postBytes(path, badRows, XLSX);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("ROSTER_IMPORT_INVALID");
        List<String> problems = new ArrayList<>();
        refused.json().get("errors").forEach(e -> problems.add(e.get("field").asString() + "：" + e.get("message")
                .asString()));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("第6行：").contains("查无此人").contains("查无名");
        assertThat(problems.get(1)).startsWith("第8行：").contains("班次仅 4 小时").contains("第八条");
        assertThat(problems.get(2)).startsWith("第10行：").contains("不在" + month.getYear() + "年" + month.getMonthValue() + "月内");

        assertThat(head.postBytes(path, "not a workbook".getBytes(), XLSX).status()).isEqualTo(400);
        assertThat(head.get("/api/v1/rosters/" + roster).json().get("shifts").toString()).isEqualTo(before);

        assertThat(head.post("/api/v1/rosters/" + roster + "/publication", Map.of()).status()).isEqualTo(200);
        Api.Response published = head.postBytes(path, exported, XLSX);
        assertThat(published.status()).isEqualTo(409);
        assertThat(published.code()).isEqualTo("ROSTER_PUBLISHED");
    }

    @Test
    void aPublishedRosterPrintsWhoPreparedItAboveTheLinesForTheReviewerAndTheLeaderOnDuty() throws IOException {
        String unit = unitId("金台区人民政府");
        Api.As head = api().as("jintai-head");
        YearMonth month = YearMonth.now(clock.withZone(Zones.CHINA)).plusMonths(18);
        String roster = solvedDraft(head, unit, month);
        Api.Response published = head.post("/api/v1/rosters/" + roster + "/publication", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String preparer = personNameOf("jintai-head");

        byte[] exported = head.bytes("/api/v1/units/" + unit + "/rosters/" + month + "/xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(signatures(book.getSheetAt(0))).containsExactly(Map.entry("制表人：", preparer),
                    Map.entry("审核人：", ""), Map.entry("带班领导：", ""));
        }
    }

    /** The signature lines below the grid: each label (column F) and what stands on its line (column G). */
    private static List<Map.Entry<String, String>> signatures(Sheet sheet) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getCell(5) != null && row.getCell(5).getStringCellValue().endsWith("：")) {
                lines.add(Map.entry(row.getCell(5).getStringCellValue(), row.getCell(6).getStringCellValue()));
            }
        }
        return lines;
    }

    private String solvedDraft(Api.As head, String unit, YearMonth month) {
        String roster = head.post("/api/v1/units/" + unit + "/rosters", Map.of("month", month.toString())).json()
                .get("id").asString();
        head.post("/api/v1/rosters/" + roster + "/solving", Map.of());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!head.get("/api/v1/rosters/" + roster + "/solving").json().get("finished").asBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        return roster;
    }

    /**
     * A trained officer of the unit free on the shift's day and the days around it, to put in its place; the solver
     * may leave none free around a given shift.
     */
    private Optional<String> otherOfficer(Api.As head, String unit, String roster, int shiftIndex) {
        JsonNode shifts = head.get("/api/v1/rosters/" + roster).json().get("shifts");
        List<String> busy = new ArrayList<>();
        for (int i = Math.max(0, shiftIndex - 1); i <= Math.min(shifts.size() - 1, shiftIndex + 1); i++) {
            shifts.get(i).get("positions").forEach(p -> busy.add(p.get("personName").asString()));
        }
        return head.get("/api/v1/units/" + unit + "/duty-staff").json().valueStream()
                .filter(m -> m.get("role").asString().equals("OFFICER") && !m.get("trainedOn").isNull())
                .map(m -> m.get("name").asString()).filter(name -> !busy.contains(name)).findFirst();
    }

    private static byte[] edit(byte[] workbook, java.util.function.Consumer<Sheet> change) throws IOException {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(book.getSheetAt(0));
            book.write(out);
            return out.toByteArray();
        }
    }
}
