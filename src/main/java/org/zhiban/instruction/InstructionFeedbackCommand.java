package org.zhiban.instruction;

import java.time.OffsetDateTime;

/**
 * A written reply in the unit's name, one instruction per reply (一事一文): 落实情况, 存在问题, 下一步. An initial one
 * proposes when the final feedback will come ({@code finalDueAt}), for the forwarding office to agree.
 */
public record InstructionFeedbackCommand(FeedbackStage stage, String done, String problems, String nextSteps,
        OffsetDateTime finalDueAt, Boolean classified) {
}
