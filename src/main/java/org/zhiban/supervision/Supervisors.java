package org.zhiban.supervision;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitTree;
import org.zhiban.shared.Actor;
import org.zhiban.shared.FieldChecks;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/** Who may act in supervision: a unit's duty office — its officers, its head, the leader on duty, its admin. */
public final class Supervisors {

    private static final int MAX_PAGE = 10_000;

    private Supervisors() {
    }

    /** Whether the actor acts for its unit's duty office. */
    public static boolean acts(Actor actor) {
        return actor.unitId() != null && (actor.standsDuty() || actor.hasAny(Role.LEADER_ON_DUTY, Role.UNIT_ADMIN));
    }

    static void requireDutyOffice(Actor actor) {
        if (!acts(actor)) {
            throw ZhibanException.forbidden("FORBIDDEN", "督促指导由本单位值班室办理");
        }
    }

    /** Supervision reaches the units directly below the actor's: its departments and next-level governments. */
    static void requireUnitBelow(FieldChecks checks, UnitTree unitTree, Actor actor, UUID unitId) {
        checks.require(unitId != null && unitTree.find(unitId).map(Unit::parentId).filter(actor.unitId()::equals)
                .isPresent(), "unitId", "请选择本单位直接管辖的一个单位");
    }

    /**
     * The units listed, each within the organiser's subtree and not the organiser itself, in the order given and
     * once each; any other refuses the field.
     */
    static Set<UUID> unitsWithin(UnitTree unitTree, UUID organiser, Collection<UUID> unitIds, String field,
            String message) {
        Set<UUID> units = new LinkedHashSet<>();
        for (UUID unit : unitIds) {
            if (unit == null || unit.equals(organiser) || unitTree.find(unit).isEmpty()
                    || !unitTree.isWithin(organiser, unit)) {
                throw ZhibanException.invalidField(field, message);
            }
            units.add(unit);
        }
        return units;
    }

    /** The rows before a page of a list; a page beyond any list's reach is the last one it could have. */
    static int offset(int page, int size) {
        return Math.min(Math.max(0, page), MAX_PAGE) * size;
    }

    /** A text cut to fit where it is quoted, such as a leave's reason in the waiver of a deadline. */
    static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static void requireUnit(Actor actor) {
        if (actor.unitId() == null) {
            throw ZhibanException.forbidden("FORBIDDEN", "督促指导只对单位的账号开放");
        }
    }
}
