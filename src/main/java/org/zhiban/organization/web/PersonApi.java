package org.zhiban.organization.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonChange;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.PersonView;
import org.zhiban.shared.CurrentActor;

@Tag(name = "人员", description = "单位人员；电话号码脱敏显示，查看完整号码需单独请求并记入审计")
@RestController
@RequestMapping("/api/v1/people")
class PersonApi {

    private final People people;

    PersonApi(People people) {
        this.people = people;
    }

    @Operation(summary = "按姓名搜索人员（本单位及下级）")
    @GetMapping
    List<PersonView> search(@Parameter(description = "姓名的一部分，或完整的手机号、办公电话") @RequestParam(required = false) String q) {
        return people.search(CurrentActor.require(), q);
    }

    @Operation(summary = "人员详情（电话号码已脱敏）")
    @GetMapping("/{id}")
    PersonView get(@PathVariable UUID id) {
        return people.get(CurrentActor.require(), id);
    }

    @Operation(summary = "修改人员信息")
    @PutMapping("/{id}")
    PersonView update(@PathVariable UUID id, @Valid @RequestBody PersonCommand command) {
        return people.update(CurrentActor.require(), id, command);
    }

    @Operation(summary = "人员信息的变更记录（谁、何时、原值与新值；电话号码脱敏），新的在前")
    @GetMapping("/{id}/changes")
    List<PersonChange> changes(@PathVariable UUID id) {
        return people.history(CurrentActor.require(), id);
    }

    @Operation(summary = "查看完整电话号码（记入审计日志）")
    @PostMapping("/{id}/phone-reveals")
    People.RevealedPhones reveal(@PathVariable UUID id) {
        return people.revealPhones(CurrentActor.require(), id);
    }
}
