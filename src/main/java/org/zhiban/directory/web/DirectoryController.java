package org.zhiban.directory.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.directory.DirectoryEntry;
import org.zhiban.directory.DirectoryReviews;
import org.zhiban.directory.DirectorySpreadsheet;
import org.zhiban.directory.DutyDirectory;
import org.zhiban.organization.UnitLevel;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.Downloads;
import org.zhiban.shared.Refusals;

/**
 * 值班通讯录: search the subtree by name, unit, post, initials or number; the chosen unit's entry with its people,
 * tel: links and what it lacks; its units below beside it; the quarter's review confirmed from here.
 */
@Controller
class DirectoryController {

    private final DutyDirectory directory;
    private final DirectoryReviews reviews;
    private final Units units;
    private final UnitTree unitTree;
    private final DirectorySpreadsheet spreadsheet;

    DirectoryController(DutyDirectory directory, DirectoryReviews reviews, Units units, UnitTree unitTree,
            DirectorySpreadsheet spreadsheet) {
        this.spreadsheet = spreadsheet;
        this.directory = directory;
        this.reviews = reviews;
        this.units = units;
        this.unitTree = unitTree;
    }

    @GetMapping("/directory")
    String directory(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String q,
            @RequestParam(required = false) UnitLevel level, Model model) {
        Actor actor = CurrentActor.require();
        DirectoryEntry entry = directory.entry(actor, unitId);
        UUID id = entry.unit().id();
        model.addAttribute("entry", entry);
        model.addAttribute("path", units.visiblePath(actor, id));
        model.addAttribute("children", unitTree.children(id));
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("result", q == null || q.isBlank() ? null : directory.search(actor, id, q, level));
        model.addAttribute("reviews", reviews.history(actor, id));
        model.addAttribute("canReview", units.canManageDutyWork(actor, id));
        return "directory/directory";
    }

    /** The page's download, in the signed-in session (the API's needs a token). */
    @GetMapping("/directory/xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) UUID unitId) {
        return Downloads.xlsx("值班通讯录.xlsx", spreadsheet.export(CurrentActor.require(), unitId));
    }

    /** The subtree's directory on paper: 第九条's contents by level, full numbers, the print audited. */
    @GetMapping("/directory/print")
    String print(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UnitLevel level,
            Model model) {
        model.addAttribute("book", directory.print(CurrentActor.require(), unitId, level));
        model.addAttribute("level", level);
        model.addAttribute("levels", UnitLevel.values());
        return "directory/print";
    }

    @GetMapping("/directory/incomplete")
    String incomplete(@RequestParam(required = false) UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        DutyDirectory.Incomplete incomplete = directory.incomplete(actor, unitId);
        model.addAttribute("unit", directory.entry(actor, unitId).unit());
        model.addAttribute("incomplete", incomplete);
        return "directory/incomplete";
    }

    @PostMapping("/directory/reviews")
    String review(@RequestParam UUID unitId, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Refusals.change(redirect, "/directory?unitId=" + unitId, () -> {
            var done = reviews.review(CurrentActor.require(), unitId, note);
            return done.get(0).quarterLabel() + "值班通讯录检查更新已确认" + (done.get(0).late() ? "（逾期）" : "");
        });
    }
}
