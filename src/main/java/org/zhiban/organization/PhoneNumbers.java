package org.zhiban.organization;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhiban.shared.PersonalData;

/**
 * Mainland China phone numbers: validation, one canonical form, and masking for lists.
 * A duty phone must be a landline with its area code (宝政办发〔2022〕43号 第十条: a dedicated fixed line).
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s()（）]");
    private static final Pattern MOBILE = Pattern.compile("^(?:\\+?86-?)?(1[3-9]\\d{9})$");
    /** Area codes: 010 and 02x have three digits, all others (03xx–09xx) four; local numbers 7–8 digits. */
    private static final Pattern LANDLINE = Pattern.compile(
            "^(?:\\+?86-?)?(0(?:10|2\\d|[3-9]\\d{2}))-?([2-9]\\d{6,7})(?:[-转](\\d{1,6}))?$");

    private PhoneNumbers() {
    }

    /** A mainland mobile number: 11 digits beginning 13–19. */
    public static boolean isMainlandMobile(String raw) {
        return normalizeMobile(raw).isPresent();
    }

    /** A landline with its area code, e.g. 0917-3261234, optionally with an extension. */
    public static boolean isLandlineWithAreaCode(String raw) {
        return normalizeLandline(raw).isPresent();
    }

    public static Optional<String> normalizeMobile(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = MOBILE.matcher(SEPARATORS.matcher(raw).replaceAll("").replace("-", ""));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static Optional<String> normalizeLandline(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = LANDLINE.matcher(SEPARATORS.matcher(raw).replaceAll(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(1) + "-" + m.group(2);
        return Optional.of(m.group(3) == null ? number : number + "-" + m.group(3));
    }

    /** Either kind, in canonical form: office phones may be a mobile where a department has no fixed line. */
    public static Optional<String> normalizeAny(String raw) {
        return normalizeMobile(raw).or(() -> normalizeLandline(raw));
    }

    /**
     * Masks a number for lists: a mobile keeps its first three and last four digits (138****5678), a
     * landline its area code and last three digits (0917-****234).
     */
    public static String mask(String number) {
        if (number == null || number.isEmpty() || PersonalData.UNREADABLE.equals(number)) {
            return number;
        }
        if (isMainlandMobile(number) && number.length() == 11) {
            return number.substring(0, 3) + "****" + number.substring(7);
        }
        int dash = number.indexOf('-');
        String area = dash > 0 ? number.substring(0, dash + 1) : "";
        String rest = dash > 0 ? number.substring(dash + 1) : number;
        int keep = Math.min(3, rest.length());
        return area + "****" + rest.substring(rest.length() - keep);
    }
}
