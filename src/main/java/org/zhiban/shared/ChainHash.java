package org.zhiban.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash that chains records (the audit trail, the duty log book), over the fields each prefixed with its length,
 * so that moving text from one field to the next changes the hash; the previous record's hash is one of the fields.
 * Chains are sealed with HMAC-SM3 (GB/T 32905, GB/T 39786 8.4 d) under a key kept outside the database, so that
 * whoever can write the database cannot re-seal a chain after changing it (ADR 0023). Chains written before that used
 * plain SHA-256; they are read with it until the upgrade re-seals them once.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    public static final String HMAC_SM3 = "HMAC-SM3";
    public static final String SHA_256 = "SHA-256";

    private final byte[] key;
    private final boolean national;

    public ChainHash(byte[] key) {
        this(key, true);
    }

    /**
     * @param national false only in the measurement that states what HMAC-SM3 costs (a setting refused in production,
     *                 see {@link RunningMode}): HMAC-SM3 is then computed as plain SHA-256, so that a chain written
     *                 so does not hold under a normal start
     */
    public ChainHash(byte[] key, boolean national) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the chain key has at least 128 bits");
        }
        this.key = key.clone();
        this.national = national;
    }

    /** The hash of the fields by the chain's algorithm. */
    public String of(String algorithm, String... fields) {
        byte[] canonical = canonical(fields);
        return switch (algorithm) {
            case HMAC_SM3 -> HexFormat.of().formatHex(national ? hmacSm3(canonical) : sha256(canonical));
            case SHA_256 -> HexFormat.of().formatHex(sha256(canonical));
            default -> throw new IllegalArgumentException("unknown chain algorithm " + algorithm);
        };
    }

    /** The hash of the fields as chains are sealed now. */
    public String seal(String... fields) {
        return of(HMAC_SM3, fields);
    }

    private static byte[] canonical(String... fields) {
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
        return canonical.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hmacSm3(byte[] message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
