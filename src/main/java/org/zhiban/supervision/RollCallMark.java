package org.zhiban.supervision;

import java.util.UUID;

/** The organiser's mark of one unit called, and what it found there. */
public record RollCallMark(UUID unitId, RollCallResult result, Boolean officerPresent, Boolean leaderPresent,
        Boolean logInOrder, String note) {
}
