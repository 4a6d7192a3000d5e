package org.zhiban.dutylog;

import java.util.Optional;

/** A year of a unit's log book: how many entries, whether the year is over (archived) and how long it is kept. */
public record LogYear(int year, int entries, boolean archived, Optional<LogBook.Retention> retention) {
}
