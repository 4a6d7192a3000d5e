package org.zhiban.identity;

import java.util.Optional;

/**
 * Password strength: at least 8 characters drawn from at least 3 of the 4 classes (upper-case, lower-case,
 * digits, symbols), and not the login name itself.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MIN_CLASSES = 3;

    private PasswordPolicy() {
    }

    /** Why a password is too weak, in Chinese, or empty when it is acceptable. */
    public static Optional<String> weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 位");
        }
        if (classesUsed(password) < MIN_CLASSES) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少 " + MIN_CLASSES + " 类");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("密码不能与用户名相同");
        }
        return Optional.empty();
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
