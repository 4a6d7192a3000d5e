package org.zhiban.supervision;

import org.zhiban.shared.Actor;
import org.zhiban.shared.Role;
import org.zhiban.shared.ZhibanException;

/** Who may act in supervision: a unit's duty office — its officers, its head, the leader on duty, its admin. */
public final class Supervisors {

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

    static void requireUnit(Actor actor) {
        if (actor.unitId() == null) {
            throw ZhibanException.forbidden("FORBIDDEN", "督促指导只对单位的账号开放");
        }
    }
}
