package org.zhiban.obligation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.zhiban.shared.Zones;

/**
 * An obligation as the API shows it, times in China Standard Time with their offset, lateness as ISO-8601
 * ({@code PT3M20S}). Resources that carry deadlines embed these as {@code "obligations": [...]}.
 */
public record ObligationView(
        UUID id,
        String kind,
        String kindLabel,
        UUID unitId,
        String title,
        OffsetDateTime openedAt,
        OffsetDateTime dueAt,
        ObligationStatus status,
        boolean overdue,
        OffsetDateTime fulfilledAt,
        String lateness,
        String citation,
        String subjectModule,
        String subjectId,
        boolean coming) {

    /** The obligation as of {@code now}: {@code coming} while its window has not opened. */
    public static ObligationView of(Obligation o, String kindLabel, Instant now) {
        return new ObligationView(o.id(), o.kind(), kindLabel, o.obligorUnitId(), o.title(),
                Zones.china(o.openedAt()), Zones.china(o.dueAt()), o.status(), o.overdue(),
                o.fulfilledAt() == null ? null : Zones.china(o.fulfilledAt()), o.lateness() == null ? null : o.lateness().toString(), o.citation(), o.subjectModule(),
                o.subjectId(), o.isComing(now));
    }
}
