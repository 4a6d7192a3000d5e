package org.zhiban.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains records (the audit trail, the duty log book): SHA-256 over the fields, each prefixed with its
 * length, so that moving text from one field to the next changes the hash. The previous record's hash is one of
 * the fields.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String... fields) {
        StringBuilder canonical = new StringBuilder(256);
        for (String value : fields) {
            if (value == null) {
                canonical.append("-1:");
            }
            else {
                canonical.append(value.length()).append(':').append(value);
            }
            canonical.append('|');
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
