package org.zhiban.handover;

import java.util.UUID;

import org.zhiban.dutylog.FollowUp;

/**
 * One line of the handover in one of the four kinds; {@code entryId} or {@code obligationId} name where it came from
 * when it was pre-filled, so that it carries over only while that is still open.
 */
public record HandoverItem(FollowUp kind, String content, UUID entryId, UUID obligationId) {

    boolean carriesOver() {
        return kind != FollowUp.DONE;
    }
}
