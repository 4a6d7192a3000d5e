package org.zhiban.supervision;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An inspection, talk, letter or reminder, with the rectification demand it issued, if any. */
public record Inspection(UUID id, UUID inspectorUnitId, String inspectorName, UUID unitId, String unitName,
        String kind, String kindLabel, boolean covers, OffsetDateTime heldAt, String findings, String recordedBy,
        Rectification rectification) {
}
