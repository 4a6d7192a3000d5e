package org.zhiban.organization.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhiban.organization.People;
import org.zhiban.organization.PersonCommand;
import org.zhiban.organization.PersonView;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitCommand;
import org.zhiban.organization.Units;
import org.zhiban.shared.CurrentActor;

@Tag(name = "单位", description = "单位树：本单位及下级单位")
@RestController
@RequestMapping("/api/v1/units")
class UnitApi {

    private final Units units;
    private final People people;

    UnitApi(Units units, People people) {
        this.units = units;
        this.people = people;
    }

    @Operation(summary = "按名称搜索单位（本单位及下级）；不带 q 时返回可见范围的顶层单位")
    @GetMapping
    List<Unit> search(@Parameter(description = "单位名称的一部分") @RequestParam(required = false) String q) {
        return units.search(CurrentActor.require(), q);
    }

    @Operation(summary = "单位详情，含值班室电话、传真、地址、邮编")
    @GetMapping("/{id}")
    Unit get(@PathVariable UUID id) {
        return units.get(CurrentActor.require(), id);
    }

    @Operation(summary = "直属下级单位")
    @GetMapping("/{id}/children")
    List<Unit> children(@PathVariable UUID id) {
        return units.children(CurrentActor.require(), id);
    }

    @Operation(summary = "单位人员（电话号码已脱敏）")
    @GetMapping("/{id}/people")
    List<PersonView> people(@PathVariable UUID id) {
        return people.inUnit(CurrentActor.require(), id);
    }

    @Operation(summary = "新建单位：parentId 为上级单位；顶级单位仅系统管理员可建")
    @PostMapping
    ResponseEntity<Unit> create(@Valid @RequestBody UnitCommand command) {
        Unit unit = units.create(CurrentActor.require(), command);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id())).body(unit);
    }

    @Operation(summary = "修改单位信息；带 version 时防止覆盖他人的修改")
    @PutMapping("/{id}")
    Unit update(@PathVariable UUID id, @Valid @RequestBody UnitCommand command) {
        return units.update(CurrentActor.require(), id, command);
    }

    @Operation(summary = "在单位中添加人员")
    @PostMapping("/{id}/people")
    ResponseEntity<PersonView> addPerson(@PathVariable UUID id, @Valid @RequestBody PersonCommand command) {
        PersonView person = people.create(CurrentActor.require(), id, command);
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }
}
