package org.zhiban.audit.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditPage;
import org.zhiban.audit.AuditQuery;
import org.zhiban.audit.AuditTrail;
import org.zhiban.audit.ChainCheckReport;

@Tag(name = "审计", description = "审计日志查询与完整性校验（安全审计员）")
@RestController
@RequestMapping("/api/v1/audit-records")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @Operation(summary = "查询审计记录（新记录在前）")
    @GetMapping
    AuditPage search(@Parameter(description = "账号的用户名") @RequestParam(required = false) String username,
            @Parameter(description = "操作代码，如 LOGIN、PHONE_REVEALED") @RequestParam(required = false) String action,
            @Parameter(description = "结果：成功、失败或被拒绝") @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "页码，从 0 起") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页条数，至多 500") @RequestParam(defaultValue = "50") int size) {
        return audit.search(new AuditQuery(username, action, outcome, from, to, page, size));
    }

    @Operation(summary = "重新计算哈希链，报告每一处被改动或删除的记录")
    @PostMapping("/chain-checks")
    ChainCheckReport check() {
        return audit.checkChain();
    }
}
