package org.zhiban.notification;

import java.util.UUID;

/**
 * What open pages are told: a new notification for one account, or that the obligations of a unit changed (pages
 * of that unit and of every unit above it refresh their lists). Carries ids only; pages fetch what they may see.
 */
public record LiveEvent(String type, UUID accountId, UUID unitId, String title) {

    public static final String NOTIFICATION = "notification";
    public static final String OBLIGATIONS = "obligations";

    public static LiveEvent notification(UUID accountId, String title) {
        return new LiveEvent(NOTIFICATION, accountId, null, title);
    }

    public static LiveEvent obligations(UUID unitId) {
        return new LiveEvent(OBLIGATIONS, null, unitId, null);
    }
}
