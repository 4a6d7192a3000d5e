package org.zhiban.dutylog;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A search of the log book: a unit (the searcher's own when left out) and, with {@code subordinates}, every unit
 * below it; the text as a substring of any element; a kind; China dates from and to, both included; the caller.
 */
public record LogSearch(UUID unitId, boolean subordinates, String text, EntryKind kind, LocalDate from, LocalDate to,
        String caller, Integer limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
}
