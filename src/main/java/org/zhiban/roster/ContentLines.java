package org.zhiban.roster;

/**
 * Folds an iCalendar text as RFC 5545 3.1 asks: no line longer than 75 octets, a longer one continued on lines that
 * begin with a space. The library folds at 75 characters, and a Chinese character is three octets in UTF-8, so a
 * duty description of 40 characters made a line of 126 octets that strict readers refuse. A character is never
 * split across lines.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** The text unfolded (as a reader would) and folded again by octets. */
    static String foldByOctets(String ics) {
        String unfolded = ics.replace(CRLF + " ", "").replace(CRLF + "\t", "");
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 20);
        for (String line : unfolded.split(CRLF, -1)) {
            if (line.isEmpty()) {
                continue;
            }
            fold(line, out);
        }
        return out.toString();
    }

    private static void fold(String line, StringBuilder out) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
