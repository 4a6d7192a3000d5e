package org.zhiban.policy.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.organization.Units;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.EffectivePolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.PolicyCommand;
import org.zhiban.policy.ValueType;
import org.zhiban.shared.Actor;
import org.zhiban.shared.CurrentActor;
import org.zhiban.shared.ZhibanException;

/** Pages: a policy beside its citations, and the rules in effect for a unit, with tightening. */
@Controller
class PolicyController {

    private final DutyPolicies policies;
    private final Units units;
    private final UnitTree unitTree;

    PolicyController(DutyPolicies policies, Units units, UnitTree unitTree) {
        this.policies = policies;
        this.units = units;
        this.unitTree = unitTree;
    }

    @GetMapping("/policy/documents")
    String list(Model model) {
        model.addAttribute("policies", policies.policies());
        return "policy/policies";
    }

    @GetMapping("/policy/documents/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("policy", policies.policy(code));
        return "policy/policy";
    }

    @PostMapping("/policy/documents/{code}/rules/{key}")
    String editRule(@PathVariable String code, @PathVariable String key, @RequestParam String value,
            @RequestParam(required = false) ValueType type, @RequestParam(defaultValue = "false") boolean toBeConfirmed,
            RedirectAttributes redirect) {
        attempt(redirect, () -> policies.editRule(CurrentActor.require(), code, key,
                new PolicyCommand(type, value, null, toBeConfirmed, null)), "已修改");
        return "redirect:/policy/documents/" + code;
    }

    /** The rules in effect for a unit (by default the account's own). */
    @GetMapping("/policy")
    String effective(@RequestParam(required = false) UUID unitId, Model model) {
        Actor actor = CurrentActor.require();
        Unit unit = unitId != null ? units.get(actor, unitId) : units.scopeRoots(actor).stream().findFirst()
                .orElseThrow(() -> ZhibanException.forbidden("FORBIDDEN", "当前账号不属于任何单位"));
        EffectivePolicy policy = policies.effectiveFor(actor, unit.id());
        Map<UUID, String> sources = policy.rules().stream().map(EffectiveRule::sourceUnitId).distinct()
                .collect(Collectors.toMap(id -> id, id -> unitTree.find(id).map(Unit::name).orElse("")));
        model.addAttribute("unit", unit);
        model.addAttribute("rules", policy.rules());
        model.addAttribute("sources", sources);
        model.addAttribute("attachment", policies.attachment(unit.id()).orElse(null));
        model.addAttribute("policies", policies.policies());
        model.addAttribute("canManage", units.canManage(actor, unit.id()));
        model.addAttribute("path", units.visiblePath(actor, unit.id()));
        return "policy/unit-policy";
    }

    @PostMapping("/policy/rules/{key}")
    String tighten(@RequestParam UUID unitId, @PathVariable String key, @RequestParam String value,
            @RequestParam(required = false) ValueType type, @RequestParam String citation, RedirectAttributes redirect) {
        attempt(redirect, () -> policies.tighten(CurrentActor.require(), unitId, key,
                new PolicyCommand(type, value, citation, null, null)), "已收紧，本单位及下级即时生效");
        return "redirect:/policy?unitId=" + unitId;
    }

    @PostMapping("/policy/rules/{key}/removal")
    String removeTightening(@RequestParam UUID unitId, @PathVariable String key, RedirectAttributes redirect) {
        attempt(redirect, () -> policies.removeTightening(CurrentActor.require(), unitId, key), "已撤销本单位的收紧");
        return "redirect:/policy?unitId=" + unitId;
    }

    @PostMapping("/policy/attachment")
    String attach(@RequestParam UUID unitId, @RequestParam String policy,
            @RequestParam(required = false) String adoptedBy, RedirectAttributes redirect) {
        attempt(redirect, () -> policies.attach(CurrentActor.require(), unitId, policy, adoptedBy), "已适用该值班规范");
        return "redirect:/policy?unitId=" + unitId;
    }

    /** A refused change comes back to the page as a message beside the rules, not as an error page. */
    private static void attempt(RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", done);
        }
        catch (ZhibanException e) {
            if (e.status() >= 500 || e.status() == 403 || e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("refusal", e.detail());
        }
    }
}
