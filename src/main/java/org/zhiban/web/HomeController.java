package org.zhiban.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhiban.instruction.Instructions;
import org.zhiban.supervision.RollCalls;
import org.zhiban.supervision.VideoRequests;
import org.zhiban.obligation.ObligationDesk;
import org.zhiban.obligation.ObligationKinds;
import org.zhiban.obligation.ObligationStatus;
import org.zhiban.obligation.TimelinessLedger;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.reporting.Incidents;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.NavigationItem;

/**
 * 值班总览: the leaders' instructions my unit must act on and my unit's open obligations, with live countdowns, and, for a superior, its subordinates' counted per direct
 * subordinate — what is open, due within the hour, overdue, late this month — and who is late most often, beside the
 * duty office's own numbers. Nothing on it grows with the subtree: each list is a page, each count one grouped query.
 */
@Controller
class HomeController {

    /** How far back "who is late most often" looks. */
    static final Duration LEDGER_WINDOW = Duration.ofDays(90);

    /** Rows of each list on the dashboard; the rest is a click away on the unit's obligations page. */
    static final int PAGE_SIZE = 20;

    /** Instructions the unit must act on, those to sign for first; the rest are on its ledger. */
    static final int INSTRUCTIONS_SHOWN = PAGE_SIZE;
    /** Roll calls to come and video to push: a handful at a time, each due within the hour. */
    static final int SUPERVISION_SHOWN = 5;

    private final Units units;
    private final UnitTree unitTree;
    private final ObligationDesk obligations;
    private final ObligationKinds kinds;
    private final Incidents incidents;
    private final Instructions instructions;
    private final RollCalls rollCalls;
    private final VideoRequests videoRequests;
    private final Clock clock;

    HomeController(Units units, UnitTree unitTree, ObligationDesk obligations, ObligationKinds kinds,
            Incidents incidents, Instructions instructions, RollCalls rollCalls, VideoRequests videoRequests,
            Clock clock) {
        this.units = units;
        this.unitTree = unitTree;
        this.obligations = obligations;
        this.kinds = kinds;
        this.incidents = incidents;
        this.instructions = instructions;
        this.rollCalls = rollCalls;
        this.videoRequests = videoRequests;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.require();
        List<Unit> roots = units.scopeRoots(actor);
        model.addAttribute("roots", roots);
        if (actor.unitId() != null && !roots.isEmpty()) {
            Unit unit = roots.get(0);
            model.addAttribute("unit", unit);
            model.addAttribute("summary", units.summary(actor, unit.id()));
            addObligations(actor, unit, model);
        }
        return "home";
    }

    /** The obligations part alone, refreshed live when obligations change. */
    @GetMapping("/dashboard/obligations")
    String obligations(Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = units.get(actor, actor.unitId());
        model.addAttribute("unit", unit);
        addObligations(actor, unit, model);
        return "home :: obligations";
    }

    private void addObligations(Actor actor, Unit unit, Model model) {
        Instant now = clock.instant();
        List<TimelinessLedger.Entry> ledger = obligations.ledger(actor, unit.id(), now.minus(LEDGER_WINDOW), now, true,
                false).stream().filter(e -> !e.unitId().equals(unit.id()) && e.late() + e.openOverdue() + e.breached() > 0)
                .limit(10).toList();
        model.addAttribute("serverNow", now.toEpochMilli());
        model.addAttribute("ownObligations", obligations.page(actor, unit.id(), ObligationStatus.OPEN, null, false, 1,
                PAGE_SIZE));
        model.addAttribute("ledger", ledger);
        model.addAttribute("unitNames", ledger.stream().map(TimelinessLedger.Entry::unitId).distinct()
                .collect(Collectors.toMap(Function.identity(), this::name)));
        model.addAttribute("kinds", kinds);
        boolean hasSubordinates = !unitTree.children(unit.id()).isEmpty();
        model.addAttribute("hasSubordinates", hasSubordinates);
        if (hasSubordinates) {
            model.addAttribute("subordinates", obligations.subordinates(actor, unit.id(), 1, PAGE_SIZE));
        }
        model.addAttribute("awaitingSignature", incidents.countAwaitingSignature(actor));
        model.addAttribute("instructionsAwaiting", instructions.awaiting(actor, INSTRUCTIONS_SHOWN));
        model.addAttribute("rollCallsComing", rollCalls.coming(actor, SUPERVISION_SHOWN));
        model.addAttribute("videoRequestsOpen", videoRequests.unpushed(actor, SUPERVISION_SHOWN));
    }

    private String name(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    @Bean
    static NavigationItem homeNavigationItem() {
        return NavigationItem.forEveryone(0, "值班总览", "/");
    }
}
