package org.zhiban.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhiban.obligation.Obligation;
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
 * 值班总览: my unit's open obligations with live countdowns and, for a superior, its subordinates' — what is due,
 * what is late, and who is late most often — beside the duty office's own numbers.
 */
@Controller
class HomeController {

    /** How far back "who is late most often" looks. */
    static final Duration LEDGER_WINDOW = Duration.ofDays(90);

    private final Units units;
    private final UnitTree unitTree;
    private final ObligationDesk obligations;
    private final ObligationKinds kinds;
    private final Incidents incidents;
    private final Clock clock;

    HomeController(Units units, UnitTree unitTree, ObligationDesk obligations, ObligationKinds kinds,
            Incidents incidents, Clock clock) {
        this.units = units;
        this.unitTree = unitTree;
        this.obligations = obligations;
        this.kinds = kinds;
        this.incidents = incidents;
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
        addObligations(actor, unit, model);
        return "home :: obligations";
    }

    private void addObligations(Actor actor, Unit unit, Model model) {
        Instant now = clock.instant();
        List<Obligation> subtree = obligations.list(actor, unit.id(), ObligationStatus.OPEN, true);
        List<Obligation> own = subtree.stream().filter(o -> o.obligorUnitId().equals(unit.id()))
                .sorted(java.util.Comparator.comparing(Obligation::dueAt)).toList();
        List<Obligation> below = subtree.stream().filter(o -> !o.obligorUnitId().equals(unit.id()))
                .sorted(java.util.Comparator.comparing(Obligation::dueAt)).toList();
        List<TimelinessLedger.Entry> ledger = obligations.ledger(actor, unit.id(), now.minus(LEDGER_WINDOW), now, true)
                .stream().filter(e -> !e.unitId().equals(unit.id()) && e.late() + e.openOverdue() + e.breached() > 0).limit(10)
                .toList();
        Map<UUID, String> names = unitTree.subtreeIds(unit.id()).size() > 1 ? below.stream()
                .map(Obligation::obligorUnitId).distinct().collect(Collectors.toMap(Function.identity(), this::name))
                : Map.of();
        ledger.forEach(e -> names.computeIfAbsent(e.unitId(), this::name));
        model.addAttribute("serverNow", now.toEpochMilli());
        model.addAttribute("ownObligations", own);
        model.addAttribute("belowObligations", below);
        model.addAttribute("belowOverdue", below.stream().filter(o -> !o.dueAt().isAfter(now)).count());
        model.addAttribute("ledger", ledger);
        model.addAttribute("unitNames", new java.util.HashMap<>(names));
        model.addAttribute("kinds", kinds);
        model.addAttribute("hasSubordinates", !unitTree.children(unit.id()).isEmpty());
        model.addAttribute("awaitingSignature", incidents.countAwaitingSignature(actor));
    }

    private String name(UUID unitId) {
        return unitTree.find(unitId).map(Unit::name).orElse("");
    }

    @Bean
    static NavigationItem homeNavigationItem() {
        return NavigationItem.forEveryone(0, "值班总览", "/");
    }
}
