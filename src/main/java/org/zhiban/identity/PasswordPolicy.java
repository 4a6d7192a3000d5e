package org.zhiban.identity;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * Password strength (GB/T 22239-2019 8.1.4.1 a: 身份鉴别信息具有复杂度要求): at least 8 characters from at least 3 of
 * the 4 classes, at most 72 bytes (what bcrypt reads), not containing the username, not the password it replaces, and
 * hard to guess by zxcvbn's estimate — its dictionaries of common passwords, names and words, keyboard patterns,
 * sequences, repeats and dates, with the person's own name and username as further words.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MIN_CLASSES = 3;
    /** bcrypt reads no more than 72 bytes and Spring Security refuses to hash a longer password. */
    public static final int MAX_BYTES = 72;
    /** zxcvbn's score 3: "safely unguessable", about 10^8 guesses and more. */
    public static final int MIN_SCORE = 3;

    /** Loads the dictionaries once; measuring keeps no state between calls. */
    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private PasswordPolicy() {
    }

    /**
     * Why a new password is too weak, in Chinese, or empty when it is acceptable.
     *
     * @param username   the account's login name
     * @param userInputs further words the password must not be built from (the person's name, the display name)
     * @param isCurrent  whether a candidate is the password it replaces (none for a new account)
     */
    public static Optional<String> weakness(String password, String username, Collection<String> userInputs,
            Predicate<String> isCurrent) {
        if (tooShort(password)) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 位");
        }
        if (tooLong(password)) {
            return Optional.of("密码过长：最多 " + MAX_BYTES + " 个字节（字母、数字、符号各占 1 个，汉字占 3 个）");
        }
        if (tooFewClasses(password)) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少 " + MIN_CLASSES + " 类");
        }
        if (containsUsername(password, username)) {
            return Optional.of("密码不能包含用户名");
        }
        if (isCurrent.test(password)) {
            return Optional.of("新密码不能与当前密码相同");
        }
        return guessable(password, inputs(username, userInputs));
    }

    /** A new account's password: there is none it replaces. */
    public static Optional<String> weakness(String password, String username, Collection<String> userInputs) {
        return weakness(password, username, userInputs, candidate -> false);
    }

    static boolean tooShort(String password) {
        return password == null || password.length() < MIN_LENGTH;
    }

    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    static boolean tooFewClasses(String password) {
        return classesUsed(password) < MIN_CLASSES;
    }

    /** Case-insensitive containment: "Jintai#2026" contains "jintai". */
    static boolean containsUsername(String password, String username) {
        return username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * zxcvbn's estimate below {@link #MIN_SCORE}, with the reason its weakest part gives: a common password (or one
     * like it), the person's own name, a keyboard pattern, a sequence, a repeat or a date.
     */
    static Optional<String> guessable(String password, List<String> userInputs) {
        Strength strength = ZXCVBN.measure(password, userInputs);
        if (strength.getScore() >= MIN_SCORE) {
            return Optional.empty();
        }
        return Optional.of(strength.getSequence().stream()
                .filter(match -> match.pattern != Pattern.Bruteforce)
                .min(Comparator.comparingInt(PasswordPolicy::weight))
                .map(PasswordPolicy::reason)
                .orElse("密码太容易被猜中：请使用更长、更无规律的字母、数字和符号组合"));
    }

    /** Which match explains the weakness best: a dictionary word before a pattern. */
    private static int weight(Match match) {
        if (match.pattern == Pattern.Dictionary) {
            return "passwords".equals(match.dictionaryName) ? 0 : "user_inputs".equals(match.dictionaryName) ? 1 : 2;
        }
        return match.pattern == Pattern.Spatial ? 3 : match.pattern == Pattern.Repeat ? 4
                : match.pattern == Pattern.Sequence ? 5 : 6;
    }

    private static String reason(Match match) {
        return switch (match.pattern) {
            case Dictionary -> "passwords".equals(match.dictionaryName)
                    ? "密码过于常见：“" + match.token + "”是常用密码或其变形，容易被猜中"
                    : "user_inputs".equals(match.dictionaryName) ? "密码不能包含本人姓名、用户名等个人信息"
                    : "密码以常见单词或人名“" + match.token + "”为主，容易被猜中";
            case Spatial -> "密码含键盘上相邻按键的排列“" + match.token + "”，容易被猜中";
            case Repeat -> "密码含重复的字符“" + match.token + "”，容易被猜中";
            case Sequence -> "密码含 abc、6543 这样的连续字符“" + match.token + "”，容易被猜中";
            case Date, Regex -> "密码含日期或年份“" + match.token + "”，容易被猜中";
            case Bruteforce -> "密码太容易被猜中：请使用更长、更无规律的字母、数字和符号组合";
        };
    }

    private static List<String> inputs(String username, Collection<String> userInputs) {
        return Stream.concat(Stream.of(username), userInputs.stream())
                .filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    static int classesUsed(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            }
            else if (c >= 'a' && c <= 'z') {
                lower = true;
            }
            else if (c >= '0' && c <= '9') {
                digit = true;
            }
            else {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
