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

    /**
     * One numbered entry: the version in force and the versions it corrected, oldest first; {@code recorder} is the
     * name of the person who wrote the version in force (the login name where the account has no person).
     */
    public record Page(DutyLogEntry entry, List<DutyLogEntry> earlier, String recorder) {
    }

    /**
     * How long the book is kept under the unit's policy: {@code statement} as the book prints it, with its citation;
     * {@code keepUntil} the first day it may leave the archive, null when it is kept long-term; {@code localDefault}
     * where the regulation sets no period and the policy's value is a local default still to be confirmed.
     */
    public record Retention(String statement, LocalDate keepUntil, String citation, boolean localDefault) {
    }
}
