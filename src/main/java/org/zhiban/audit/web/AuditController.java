package org.zhiban.audit.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditQuery;
import org.zhiban.audit.AuditTrail;

/** The audit administrator's page: search the trail and check that it is intact. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String username, @RequestParam(required = false) String action,
            @RequestParam(required = false) AuditOutcome outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(username, action, outcome, from, to, page, 50);
        model.addAttribute("query", query);
        model.addAttribute("result", audit.search(query));
        model.addAttribute("actions", audit.actions());
        model.addAttribute("outcomes", AuditOutcome.values());
        return "audit/audit";
    }

    @PostMapping("/audit/chain-checks")
    String check(Model model) {
        model.addAttribute("report", audit.checkChain());
        return "audit/report :: report";
    }
}
