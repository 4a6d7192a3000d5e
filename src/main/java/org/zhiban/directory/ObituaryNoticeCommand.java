package org.zhiban.directory;

import java.time.OffsetDateTime;

/** An obituary notice (讣告信息) as a duty office files it. */
public record ObituaryNoticeCommand(String name, String formerPost, ObituaryCategory category,
        OffsetDateTime diedAt, String place, OffsetDateTime farewellAt, String farewellPlace, String contact,
        String contactPhone, Boolean classified) {
}
