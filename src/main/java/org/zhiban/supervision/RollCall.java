package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * A video roll call as the API and pages show it, with each called unit in the order it is called.
 *
 * @param status SCHEDULED before the start, IN_PROGRESS from the start until the organiser ends it, ENDED after
 */
public record RollCall(UUID id, UUID organiserUnitId, String organiserName, OffsetDateTime startsAt,
        List<String> agenda, OffsetDateTime scheduledAt, String scheduledBy, OffsetDateTime endedAt, String status,
        String statusLabel, List<CalledUnit> units) {

    public boolean ended() {
        return endedAt != null;
    }

    /** The unit's part in the call; null when it was not called. */
    public CalledUnit calledUnit(UUID unitId) {
        return units.stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElse(null);
    }

    public long marked() {
        return units.stream().filter(u -> u.result() != null).count();
    }

    /**
     * A unit called, with what it did and what the organiser found.
     *
     * @param leaveDecision null while a leave request waits for the organiser's answer, or when none was made
     */
    public record CalledUnit(UUID unitId, String unitName, int position, OffsetDateTime onlineAt,
            String leaveReason, OffsetDateTime leaveRequestedAt, LeaveDecision leaveDecision, String leaveComment,
            RollCallResult result, String resultLabel, OffsetDateTime markedAt, Boolean officerPresent,
            Boolean leaderPresent, Boolean logInOrder, String note, OffsetDateTime reportedAt, String reportedTo,
            List<ObligationView> obligations) {

        public boolean leavePending() {
            return leaveRequestedAt != null && leaveDecision == null;
        }

        /** What the unit still owes for the call, the soonest first; null when nothing. */
        public ObligationView openObligation() {
            return SupervisionViews.firstOpen(obligations);
        }
    }
}
