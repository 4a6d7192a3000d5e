package org.zhiban.reporting;

/** A target's answer to a verification request: by PHONE (naming who at the superior took it) or WRITTEN. */
public record FeedbackCommand(String channel, String content, String phoneTakenBy, Boolean classified) {
}
