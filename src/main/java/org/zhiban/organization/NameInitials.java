package org.zhiban.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin initials of a name, as a duty officer types them on a phone: 金台区 → {@code jtq}. A character read
 * several ways gives each reading (长安 → {@code ca za}), up to {@link #MAX_READINGS}, separated by spaces, so a
 * search by any of them finds the name.
 */
public final class NameInitials {

    static final int MAX_READINGS = 4;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private NameInitials() {
    }

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        List<StringBuilder> readings = new ArrayList<>(List.of(new StringBuilder()));
        for (char c : name.toCharArray()) {
            Set<Character> initials = initials(c);
            if (initials.isEmpty()) {
                continue;
            }
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder reading : readings) {
                for (char initial : initials) {
                    if (next.size() < MAX_READINGS) {
                        next.add(new StringBuilder(reading).append(initial));
                    }
                }
            }
            readings = next;
        }
        return String.join(" ", readings.stream().map(StringBuilder::toString).distinct().toList());
    }

    /** Whether a search text is made of what initials are made of: latin letters, typed in either case. */
    public static boolean looksLikeInitials(String text) {
        return text != null && text.matches("[A-Za-z]{2,20}");
    }

    private static Set<Character> initials(char c) {
        Set<Character> initials = new LinkedHashSet<>();
        if (c < 128) {
            if (Character.isLetterOrDigit(c)) {
                initials.add(Character.toLowerCase(c));
            }
            return initials;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings != null) {
                for (String reading : readings) {
                    if (!reading.isEmpty()) {
                        initials.add(reading.charAt(0));
                    }
                }
            }
        }
        catch (BadHanyuPinyinOutputFormatCombination impossible) {
            throw new IllegalStateException(impossible);
        }
        return initials;
    }
}
