package org.zhiban.reporting;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One report in an incident's chain. {@code stage} INITIAL, FOLLOW_UP or FINAL; {@code channel} PHONE (with
 * {@code phoneTakenBy}, who at the superior took the call) or WRITTEN (with {@code signer}, who signed it off, 签发).
 * Follow-up reports carry disposal, verified casualties and losses, measures, instructions carried out and public
 * opinion; the final report carries outcome, cause and assessment.
 */
public record ReportCommand(@Schema(implementation = ReportStage.class) String stage,
        @Schema(implementation = ReportChannel.class) String channel, String content, String casualties, String losses,
        String disposal, String measures, String instructions, String publicOpinion, String outcome, String cause,
        String assessment, String phoneTakenBy, String signer, Boolean classified) {
}
