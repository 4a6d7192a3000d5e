package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A duty consultation to record: when it was held, its subject, the holiday or important period it prepared for
 * (its key from the upcoming periods, or none), who took part, the risks identified, and the work reminder sent to
 * the chosen units below. {@code classified} content is refused.
 */
public record ConsultationCommand(OffsetDateTime heldAt, String subject, String periodKey, String participants,
        String risks, String reminder, List<UUID> unitIds, Boolean classified) {
}
