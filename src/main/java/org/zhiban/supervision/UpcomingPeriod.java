package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiban.obligation.ObligationView;

/**
 * A holiday or important period a duty office prepares for: the consultation it owes before it, if its policy asks
 * for one, and the consultation it held for it, if any.
 *
 * @param key           how a consultation names the period
 * @param source        法定节假日 or 单位设定
 * @param owedFrom      when the consultation is owed from; null when the office's policy owes none
 * @param dueAt         the period's start, by when it is owed; null when none is owed
 * @param citation      the rule that owes it
 * @param owed          the obligation once opened
 * @param consultationId the consultation held for it
 */
public record UpcomingPeriod(String key, String name, String source, OffsetDateTime startsAt, OffsetDateTime endsAt,
        OffsetDateTime owedFrom, OffsetDateTime dueAt, String citation, ObligationView owed, UUID consultationId) {
}
