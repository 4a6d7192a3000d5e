package org.zhiban.dutylog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A unit's log book of one year as it is printed and archived: every entry by number, its latest version with the
 * earlier ones, the chain check, whether the year is closed, and how long the book is to be kept.
 */
public record LogBook(UUID unitId, String unitName, int year, boolean archived, List<Page> pages,
        DutyLog.ChainCheck chain, Optional<Retention> retention) {

    /** One numbered entry: the version in force and the versions it corrected, oldest first. */
    public record Page(DutyLogEntry entry, List<DutyLogEntry> earlier) {
    }

    /** Kept at least until {@code keepUntil}, as {@code citation} requires. */
    public record Retention(LocalDate keepUntil, String citation) {
    }
}
