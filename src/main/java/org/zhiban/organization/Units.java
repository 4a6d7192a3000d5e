package org.zhiban.organization;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhiban.audit.AuditOutcome;
import org.zhiban.audit.AuditTrail;
import org.zhiban.organization.internal.PersonRepository;
import org.zhiban.organization.internal.UnitRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/** Browsing and maintaining the unit tree on behalf of the acting account, within its data scope. */
@Service
public class Units {

    private static final int SEARCH_LIMIT = 50;

    private final UnitRepository units;
    private final PersonRepository people;
    private final UnitScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    Units(UnitRepository units, PersonRepository people, UnitScope scope, AuditTrail audit, Clock clock) {
        this.units = units;
        this.people = people;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The units at the top of what the actor may see: its own unit, or every jurisdiction for platform admins. */
    @Transactional(readOnly = true)
    public List<Unit> scopeRoots(Actor actor) {
        if (actor.platformWide()) {
            return units.roots();
        }
        if (actor.unitId() == null) {
            return List.of();
        }
        return units.findById(actor.unitId()).map(List::of).orElse(List.of());
    }

    /**
     * Refuses accounts that have no unit data to see: the audit administrator reads the audit trail only.
     */
    public void requireDirectoryAccess(Actor actor) {
        if (!actor.platformWide() && actor.unitId() == null) {
            throw ZhibanException.forbidden("FORBIDDEN", "当前账号不查看单位数据");
        }
    }

    @Transactional(readOnly = true)
    public Unit get(Actor actor, UUID unitId) {
        Unit unit = units.findById(unitId).orElseThrow(() -> notFound(unitId));
        scope.requireVisible(actor, unitId);
        return unit;
    }

    @Transactional(readOnly = true)
    public List<Unit> children(Actor actor, UUID unitId) {
        get(actor, unitId);
        return units.children(unitId);
    }

    /** The path from the top of what the actor may see down to the unit, for breadcrumbs. */
    @Transactional(readOnly = true)
    public List<Unit> visiblePath(Actor actor, UUID unitId) {
        get(actor, unitId);
        return units.pathTo(unitId).stream().filter(u -> scope.canSee(actor, u.id())).toList();
    }

    @Transactional(readOnly = true)
    public List<Unit> search(Actor actor, String fragment) {
        requireDirectoryAccess(actor);
        if (fragment == null || fragment.isBlank()) {
            return scopeRoots(actor);
        }
        return units.search(fragment.trim(), actor.platformWide() ? null : actor.unitId(), SEARCH_LIMIT);
    }

    @Transactional(readOnly = true)
    public UnitSummary summary(Actor actor, UUID unitId) {
        get(actor, unitId);
        return new UnitSummary(units.children(unitId).size(), units.countBelow(unitId), people.countWithin(unitId));
    }

    @Transactional(readOnly = true)
    public boolean canManage(Actor actor, UUID unitId) {
        return scope.canManage(actor, unitId);
    }

    /** Whether the actor may do the unit's duty business (never a platform administrator), for pages. */
    @Transactional(readOnly = true)
    public boolean canManageDutyWork(Actor actor, UUID unitId) {
        return scope.canManageDutyWork(actor, unitId);
    }

    @Transactional
    public Unit create(Actor actor, UnitCommand command) {
        if (command.parentId() == null) {
            if (!actor.has(Role.SYSTEM_ADMIN)) {
                throw ZhibanException.forbidden("FORBIDDEN", "只有系统管理员可以新建顶级单位");
            }
        }
        else {
            units.findById(command.parentId()).orElseThrow(() -> ZhibanException.invalidField("parentId",
                    "上级单位不存在：" + command.parentId()));
            scope.requireManageable(actor, command.parentId());
        }
        String name = command.name().trim();
        requireUniqueName(command.parentId(), name, null);
        Unit unit = new Unit(UUID.randomUUID(), command.parentId(), name, command.kind(), command.level(),
                blankToNull(command.dutyOfficeName()), landline(command.dutyPhone()), landline(command.fax()),
                blankToNull(command.address()), blankToNull(command.postcode()), 0);
        units.insert(unit, units.nextSortOrder(command.parentId()), clock.instant());
        audit.record("UNIT_CREATED", "unit:" + unit.id(), AuditOutcome.SUCCESS, unit.name());
        return unit;
    }

    @Transactional
    public Unit update(Actor actor, UUID unitId, UnitCommand command) {
        Unit current = units.findById(unitId).orElseThrow(() -> notFound(unitId));
        scope.requireManageable(actor, unitId);
        if (command.parentId() != null && !command.parentId().equals(current.parentId())) {
            throw ZhibanException.invalidField("parentId", "不能在此调整上级单位");
        }
        String name = command.name().trim();
        requireUniqueName(current.parentId(), name, unitId);
        Unit changed = new Unit(unitId, current.parentId(), name, command.kind(), command.level(),
                blankToNull(command.dutyOfficeName()), landline(command.dutyPhone()), landline(command.fax()),
                blankToNull(command.address()), blankToNull(command.postcode()), current.version() + 1);
        int expected = command.version() == null ? current.version() : command.version();
        if (!units.update(changed, expected, clock.instant())) {
            throw ZhibanException.conflict("CONCURRENT_MODIFICATION", "该单位已被他人修改，请刷新后重试");
        }
        audit.record("UNIT_UPDATED", "unit:" + unitId, AuditOutcome.SUCCESS, name);
        return changed;
    }

    private void requireUniqueName(UUID parentId, String name, UUID except) {
        if (units.siblingNamed(parentId, name, except)) {
            throw new ZhibanException(409, "DUPLICATE_UNIT_NAME", "同一上级单位下已有名为“" + name + "”的单位",
                    List.of(new ZhibanException.FieldProblem("name", "同一上级单位下已有同名单位")));
        }
    }

    static ZhibanException notFound(UUID unitId) {
        return ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId);
    }

    private static String landline(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return PhoneNumbers.normalizeLandline(raw).orElse(raw.trim());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Counts for a unit page: direct subordinates, all units below, active people in the subtree. */
    public record UnitSummary(int directSubordinates, long unitsBelow, long people) {
    }
}
