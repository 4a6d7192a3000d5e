package org.zhiban.reporting;

import java.util.List;
import java.util.UUID;

/** What reporting announces; the notification module tells the people concerned. Titles only, never content. */
public final class ReportingEvents {

    private ReportingEvents() {
    }

    /**
     * A major incident (level I or II) was registered: the superior's duty office (and, skip-level, the offices above)
     * learns of it at once, before the first report, since those are the reports due within minutes.
     */
    public record MajorIncidentRegistered(UUID incidentId, UUID unitId, UUID superiorUnitId,
            List<UUID> skipLevelUnitIds, String severity, String title) {

        public MajorIncidentRegistered {
            skipLevelUnitIds = List.copyOf(skipLevelUnitIds);
        }
    }

    /** A report reached the superior (and, skip-level, the offices above it). */
    public record ReportFiled(UUID incidentId, UUID reportId, UUID unitId, UUID superiorUnitId, List<UUID> skipLevelUnitIds,
            ReportStage stage, ReportChannel channel, String title) {

        public ReportFiled {
            skipLevelUnitIds = List.copyOf(skipLevelUnitIds);
        }
    }

    /** The superior signed for a written report. */
    public record ReportSigned(UUID incidentId, UUID reportId, UUID unitId, UUID superiorUnitId, String title) {
    }

    /** A superior asked its subordinates to verify a matter. */
    public record VerificationRequested(UUID requestId, UUID fromUnitId, List<UUID> targetUnitIds, String subject) {

        public VerificationRequested {
            targetUnitIds = List.copyOf(targetUnitIds);
        }
    }

    /** A target answered a verification request. */
    public record FeedbackGiven(UUID requestId, UUID fromUnitId, UUID targetUnitId, ReportChannel channel,
            String subject) {
    }
}
