package org.zhiban.directory;

import java.util.UUID;

/** What the directory announces; the notification module tells the duty offices concerned. Titles only. */
public final class DirectoryEvents {

    private DirectoryEvents() {
    }

    /** A principal's absence was notified to the superior (or asked of it, where its policy asks for approval). */
    public record AbsenceNotified(UUID noticeId, UUID unitId, UUID superiorUnitId, String title) {
    }

    /** The superior approved or refused an absence: the filing duty office learns of it. */
    public record AbsenceDecided(UUID noticeId, UUID unitId, UUID superiorUnitId, String title) {
    }

    /** A principal came back (销假), or the notified return was extended. */
    public record AbsenceUpdated(UUID noticeId, UUID unitId, UUID superiorUnitId, String title) {
    }

    /** An obituary notice reached the superior. */
    public record ObituaryNotified(UUID noticeId, UUID unitId, UUID superiorUnitId, String title) {
    }
}
