package org.zhiban.reporting;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One report of an incident's chain as filed; {@code receivedAt} is when the superior signed for it (签收). */
public record IncidentReport(UUID id, int seq, ReportStage stage, String stageLabel, ReportChannel channel,
        String channelLabel, String content, String casualties, String losses, String disposal, String measures,
        String instructions, String publicOpinion, String outcome, String cause, String assessment,
        String phoneTakenBy, String signer, String filedBy, String filedByName, OffsetDateTime filedAt,
        String receivedBy, String receivedByName, OffsetDateTime receivedAt) {

    /** A written report not yet signed for by the superior. */
    public boolean awaitsSigning() {
        return channel == ReportChannel.WRITTEN && receivedAt == null;
    }
}
