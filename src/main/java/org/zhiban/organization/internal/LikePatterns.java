package org.zhiban.organization.internal;

/** Escapes user text for a LIKE pattern with {@code ESCAPE '\'}, so % and _ match themselves. */
final class LikePatterns {

    private LikePatterns() {
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
