package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An obituary notice as the API and the pages show it; {@code dueAt} and {@code citation} from the unit's policy. */
public record ObituaryNotice(UUID id, UUID unitId, String unitName, String name, String formerPost,
        ObituaryCategory category, String categoryLabel, OffsetDateTime diedAt, String place,
        OffsetDateTime farewellAt, String farewellPlace, String contact, String contactPhone, OffsetDateTime filedAt,
        String filedBy, OffsetDateTime dueAt, boolean late, String citation) {
}
