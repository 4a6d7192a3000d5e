package org.zhiban.reporting;

import io.swagger.v3.oas.annotations.media.Schema;

/** A target's answer to a verification request: by PHONE (naming who at the superior took it) or WRITTEN. */
public record FeedbackCommand(@Schema(implementation = ReportChannel.class) String channel, String content,
        String phoneTakenBy, Boolean classified) {
}
