package org.zhiban.organization;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.zhiban.organization.internal.UnitRepository;
import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/**
 * Data scope: an account acts for its unit and sees that unit and every unit below it, never a peer's or
 * a superior's internal data. The system and security administrators see every unit.
 */
@Component
public class UnitScope {

    private final UnitRepository units;

    UnitScope(UnitRepository units) {
        this.units = units;
    }

    /** Whether the actor may read the unit's internal data (people, phone numbers, accounts). */
    public boolean canSee(Actor actor, UUID unitId) {
        if (actor.platformWide()) {
            return true;
        }
        return actor.unitId() != null && units.isWithin(actor.unitId(), unitId);
    }

    /**
     * Whether the actor may change the unit and its people: the system administrator anywhere; a unit
     * administrator or duty office head within their scope (the duty office keeps its directory current,
     * 宝政办发〔2022〕43号 第二十五条).
     */
    public boolean canManage(Actor actor, UUID unitId) {
        if (actor.has(Role.SYSTEM_ADMIN)) {
            return true;
        }
        return actor.hasAny(Role.UNIT_ADMIN, Role.DUTY_OFFICE_HEAD) && canSee(actor, unitId);
    }

    /**
     * A unit the caller named, outside their scope: answered as a unit that does not exist (404), recorded as a
     * denial, so that an id of another tree tells nothing.
     */
    public void requireVisible(Actor actor, UUID unitId) {
        requireVisible(actor, unitId, () -> unitNotFound(unitId));
    }

    /**
     * Something of a unit (a roster, a person, an entry…) outside the caller's scope: answered exactly as that thing
     * not found, so that the detail names nothing of the other tree — not even its unit.
     */
    public void requireVisible(Actor actor, UUID unitId, Supplier<ZhibanException> notFound) {
        if (!canSee(actor, unitId)) {
            ZhibanException answer = notFound.get();
            throw ZhibanException.outOfScope(answer.code(), answer.detail());
        }
    }

    public void requireManageable(Actor actor, UUID unitId) {
        requireManageable(actor, unitId, () -> unitNotFound(unitId));
    }

    /** Within scope but not allowed to change it is a refusal for one's role (403); outside scope it is not found. */
    public void requireManageable(Actor actor, UUID unitId, Supplier<ZhibanException> notFound) {
        requireVisible(actor, unitId, notFound);
        if (!canManage(actor, unitId)) {
            throw ZhibanException.forbidden("FORBIDDEN", "无权修改：只有单位管理员或值班室负责人可以维护本单位及下级单位的信息");
        }
    }

    /**
     * Whether the actor may do a duty office's business in the unit (rosters, duty staff, shift patterns, swaps,
     * obligations, important periods): those who may manage the unit, except the platform administrators.
     */
    public boolean canManageDutyWork(Actor actor, UUID unitId) {
        return !isPlatformAdministrator(actor) && canManage(actor, unitId);
    }

    public void requireDutyWorkManageable(Actor actor, UUID unitId) {
        requireDutyWorkManageable(actor, unitId, () -> unitNotFound(unitId));
    }

    /** As {@link #requireManageable(Actor, UUID, Supplier)}, and refused to the platform administrators. */
    public void requireDutyWorkManageable(Actor actor, UUID unitId, Supplier<ZhibanException> notFound) {
        refusePlatformAdministrator(actor);
        requireManageable(actor, unitId, notFound);
    }

    /**
     * 三员分立 (GB/T 22239-2019 8.1.4.2 d): the system, security and audit administrators keep the installation —
     * accounts, the unit tree and its people, the holiday notices, the policy documents — and may read a duty
     * office's business where they see it, but do none of it.
     */
    public static void refusePlatformAdministrator(Actor actor) {
        if (isPlatformAdministrator(actor)) {
            throw ZhibanException.forbidden("PLATFORM_ADMINISTRATOR", "平台管理员（系统管理员、安全管理员、安全审计员）"
                    + "负责账号、单位与人员、节假日安排和制度文件，不办理值班室业务；请由本单位值班室负责人、带班领导或单位管理员办理");
        }
    }

    static boolean isPlatformAdministrator(Actor actor) {
        return Role.anyPlatformRole(actor.roles());
    }

    /** The answer for a unit that does not exist, or that the caller may not see. */
    public static ZhibanException unitNotFound(UUID unitId) {
        return ZhibanException.notFound("UNIT_NOT_FOUND", "单位不存在：" + unitId);
    }
}
