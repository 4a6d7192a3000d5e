package org.zhiban.directory.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.directory.DirectoryEntry;
import org.zhiban.directory.DirectorySpreadsheet;
import org.zhiban.directory.DutyDirectory;
import org.zhiban.organization.UnitLevel;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@Tag(name = "值班通讯录", description = "由单位和人员信息生成的值班通讯录：按姓名、单位、职务、拼音首字母或完整号码查询下级；手机号脱敏，查看完整号码另行请求并记入审计")
@RestController
class DirectoryApi {

    private final DutyDirectory directory;
    private final DirectorySpreadsheet spreadsheet;

    DirectoryApi(DutyDirectory directory, DirectorySpreadsheet spreadsheet) {
        this.directory = directory;
        this.spreadsheet = spreadsheet;
    }

    @Operation(summary = "查询单位（默认本单位）及其全部下级的值班通讯录：单位名称、人员姓名、职务、拼音首字母（如 jtq）或完整电话号码")
    @GetMapping("/api/v1/directory")
    DutyDirectory.SearchResult search(@Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId,
            @Parameter(description = "查询内容") @RequestParam(required = false) String q,
            @Parameter(description = "层级：PROVINCE、CITY、COUNTY、TOWN") @RequestParam(required = false) UnitLevel level) {
        return directory.search(CurrentActor.require(), unitId, q, level);
    }

    @Operation(summary = "单位的通讯录条目：机构信息、所列人员、按适用规范缺少的内容、最近确认时间")
    @GetMapping("/api/v1/units/{id}/directory-entry")
    DirectoryEntry entry(@PathVariable UUID id) {
        return directory.entry(CurrentActor.require(), id);
    }

    @Operation(summary = "单位及其下级中通讯录不完整的单位及所缺内容（最多 500 个）")
    @GetMapping("/api/v1/directory/incomplete")
    DutyDirectory.Incomplete incomplete(@Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId) {
        return directory.incomplete(CurrentActor.require(), unitId);
    }

    @Operation(summary = "导出单位及其下级的值班通讯录 .xlsx（每个层级一个工作表，含完整号码，记入审计）")
    @GetMapping("/api/v1/directory/export")
    ResponseEntity<byte[]> export(@Parameter(description = "单位，默认本单位") @RequestParam(required = false) UUID unitId) {
        return Downloads.xlsx("值班通讯录.xlsx", spreadsheet.export(CurrentActor.require(), unitId));
    }
}
