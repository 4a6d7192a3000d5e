package org.zhiban.reporting;

import java.util.List;
import java.util.UUID;

/** A superior's request that subordinates verify a matter; {@code classified} true is refused. */
public record VerificationCommand(List<UUID> targetUnitIds, String subject, String details, Boolean classified) {
}
