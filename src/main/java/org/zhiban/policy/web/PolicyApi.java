package org.zhiban.policy.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.policy.DutyPolicies;
import org.zhiban.policy.DutyPolicy;
import org.zhiban.policy.EffectiveRule;
import org.zhiban.policy.PolicyCommand;
import org.zhiban.policy.RuleKey;
import org.zhiban.shared.CurrentActor;

@Tag(name = "值班规范", description = "各地值班规范的规则及其条款依据；单位适用的规则（只可收紧，不可放宽）")
@RestController
class PolicyApi {

    private static final String POLICY_CODE = "值班规范的代码，如 baoji-2022";
    private static final String RULE_KEY = "规则的键，如 SHIFT_MIN_DURATION";

    private final DutyPolicies policies;

    PolicyApi(DutyPolicies policies) {
        this.policies = policies;
    }

    @Operation(summary = "内置及已载入的值班规范")
    @GetMapping("/api/v1/policies")
    List<DutyPolicy> list() {
        CurrentActor.require();
        return policies.policies();
    }

    @Operation(summary = "一部值班规范的全部规则，每条带条款")
    @GetMapping("/api/v1/policies/{code}")
    DutyPolicy get(@Parameter(description = POLICY_CODE) @PathVariable String code) {
        CurrentActor.require();
        return policies.policy(code);
    }

    @Operation(summary = "修改规范的规定值（系统管理员），如确认“待当地确认”的默认值")
    @PutMapping("/api/v1/policies/{code}/rules/{key}")
    DutyPolicy editRule(@Parameter(description = POLICY_CODE) @PathVariable String code,
            @Parameter(description = RULE_KEY, schema = @Schema(implementation = RuleKey.class))
            @PathVariable String key,
            @Valid @RequestBody PolicyCommand command) {
        return policies.editRule(CurrentActor.require(), code, key, command);
    }

    @Operation(summary = "单位适用的规则：每条 {key, value, citation, policy, sourceUnitId}")
    @GetMapping("/api/v1/units/{id}/policy")
    List<EffectiveRule> effective(@PathVariable UUID id) {
        return policies.effectiveFor(CurrentActor.require(), id).rules();
    }

    @Operation(summary = "使值班规范适用于本单位及下级（不得放宽上级已适用的规则）")
    @PutMapping("/api/v1/units/{id}/policy")
    List<EffectiveRule> attach(@PathVariable UUID id, @Valid @RequestBody AttachRequest request) {
        return policies.attach(CurrentActor.require(), id, request.policy(), request.adoptedBy()).rules();
    }

    @Operation(summary = "本单位收紧一条规则（适用于本单位及下级）；宽于上级规定的值被拒绝")
    @PutMapping("/api/v1/units/{id}/policy/rules/{key}")
    List<EffectiveRule> tighten(@PathVariable UUID id,
            @Parameter(description = RULE_KEY, schema = @Schema(implementation = RuleKey.class))
            @PathVariable String key,
            @Valid @RequestBody PolicyCommand command) {
        return policies.tighten(CurrentActor.require(), id, key, command).rules();
    }

    @Operation(summary = "撤销本单位对一条规则的收紧")
    @DeleteMapping("/api/v1/units/{id}/policy/rules/{key}")
    List<EffectiveRule> removeTightening(@PathVariable UUID id,
            @Parameter(description = RULE_KEY, schema = @Schema(implementation = RuleKey.class))
            @PathVariable String key) {
        return policies.removeTightening(CurrentActor.require(), id, key).rules();
    }

    record AttachRequest(@NotBlank(message = "请指定值班规范") String policy,
            @Size(max = 200, message = "采用文件不超过200个字") String adoptedBy) {
    }
}
