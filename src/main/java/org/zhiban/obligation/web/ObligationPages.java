package org.zhiban.obligation.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhiban.obligation.ObligationDesk;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;

/**
 * One unit's deadlines, drilled down to from a superior's counts: its own open obligations, a page at a time, and its
 * direct subordinates' counts, each a link one level further down — the whole province is three or four clicks deep.
 */
@Controller
class ObligationPages {

    static final int PAGE_SIZE = 50;

    private final ObligationDesk desk;
    private final ObligationKinds kinds;
    private final Units units;
    private final UnitTree unitTree;
    private final Clock clock;

    ObligationPages(ObligationDesk desk, ObligationKinds kinds, Units units, UnitTree unitTree, Clock clock) {
        this.desk = desk;
        this.kinds = kinds;
        this.units = units;
        this.unitTree = unitTree;
        this.clock = clock;
    }

    @GetMapping("/obligations/units/{id}")
    String unit(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int spage, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, id);
        model.addAttribute("unit", unit);
        model.addAttribute("path", units.visiblePath(actor, id).stream().filter(u -> !u.id().equals(id)).toList());
        addObligations(actor, unit, page, spage, model);
        return "obligation/unit";
    }

    /** The part that changes, refreshed live when obligations change. */
    @GetMapping("/obligations/units/{id}/live")
    String live(@PathVariable UUID id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1") int spage, Model model) {
        Actor actor = CurrentActor.require();
        addObligations(actor, units.get(actor, id), page, spage, model);
        return "obligation/unit :: live";
    }

    private void addObligations(Actor actor, Unit unit, int page, int spage, Model model) {
        String base = "/obligations/units/" + unit.id();
        model.addAttribute("serverNow", clock.millis());
        model.addAttribute("kinds", kinds);
        model.addAttribute("page", page);
        model.addAttribute("spage", spage);
        model.addAttribute("ownObligations", desk.page(actor, unit.id(), ObligationStatus.OPEN, null, false, page,
                PAGE_SIZE));
        model.addAttribute("ownPageBase", base + "?spage=" + spage + "&page=");
        List<Unit> children = unitTree.children(unit.id());
        model.addAttribute("hasSubordinates", !children.isEmpty());
        if (!children.isEmpty()) {
            model.addAttribute("subordinates", desk.subordinates(actor, unit.id(), spage, PAGE_SIZE));
            model.addAttribute("subordinatePageBase", base + "?page=" + page + "&spage=");
        }
    }
}
