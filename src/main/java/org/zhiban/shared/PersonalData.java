package org.zhiban.shared;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Personal information at rest (GB/T 39786 8.4 e): a value is sealed with SM4-GCM under the current version of the
 * personal-data key and stored as {@code v<version>.<base64 of nonce, cipher text and tag>}, bound to where it is
 * kept (its context, such as {@code person.mobile:<id>}) so that a sealed value copied to another row does not open.
 * A number is found again through its {@link #index keyed SM3 index}, never through a clear copy (ADR 0024).
 *
 * <p>A stored value not in the sealed form is a clear value from before the upgrade, read as it is until it is
 * sealed on start.
 */
public final class PersonalData {

    /** Shown in place of a stored value that does not open: its row was changed by hand. */
    public static final String UNREADABLE = "（密文校验失败，无法读出）";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** {@code v<version>.} and the unpadded Base64 of a nonce, a tag and any cipher text: 38 characters or more. */
    private static final Pattern SEALED = Pattern.compile("v[0-9]{1,9}\\.[A-Za-z0-9+/]{38,}");

    private final KeyRing keys;
    private final SecureRandom random;
    private final boolean sealing;

    /**
     * @param sealing false only in the measurement that states what sealing costs (a setting refused in production,
     *                see {@link RunningMode}); values are then stored in clear
     */
    public PersonalData(KeyRing keys, SecureRandom random, boolean sealing) {
        this.keys = keys;
        this.random = random;
        this.sealing = sealing;
    }

    /** The sealed form of a value, or null for null. */
    public String seal(String context, String clear) {
        if (clear == null || !sealing) {
            return clear;
        }
        int version = keys.currentVersion(KeyRing.PERSONAL);
        return prefix(version) + Base64.getEncoder().withoutPadding()
                .encodeToString(sealed(version, context, clear.getBytes(StandardCharsets.UTF_8)));
    }

    /** The clear value of a stored one; a value that does not open under its context is refused, never guessed. */
    public String open(String context, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        int dot = stored.indexOf('.');
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(dot + 1));
        }
        catch (IllegalArgumentException notBase64) {
            throw tampered(context, notBase64);
        }
        return new String(opened(version(stored.substring(0, dot + 1), context), context, sealed),
                StandardCharsets.UTF_8);
    }

    /**
     * {@link #open}, or {@link #UNREADABLE} for a value that does not open: for showing a row, which one changed value
     * must not keep from being read, never for sealing it again.
     */
    public String openOrUnreadable(String context, String stored) {
        try {
            return open(context, stored);
        }
        catch (IllegalStateException tampered) {
            return UNREADABLE;
        }
    }

    /**
     * A file's content sealed under the current key, for a binary column; its key version ({@code prefix}, as
     * {@link #currentPrefix()} writes it) is kept beside it. In the measurement without sealing, the content as it is
     * and no prefix.
     */
    public SealedBytes sealBytes(String context, byte[] clear) {
        if (!sealing) {
            return new SealedBytes(null, clear);
        }
        int version = keys.currentVersion(KeyRing.PERSONAL);
        return new SealedBytes(prefix(version), sealed(version, context, clear));
    }

    /** The content of {@link #sealBytes}; a null prefix means it was kept as it was. */
    public byte[] openBytes(String context, String prefix, byte[] stored) {
        return prefix == null ? stored : opened(version(prefix, context), context, stored);
    }

    /** The key version a prefix ({@code v<version>.}) names; any other prefix is a value changed by hand. */
    private static int version(String prefix, String context) {
        if (!prefix.matches("v[0-9]{1,9}\\.")) {
            throw tampered(context, null);
        }
        return Integer.parseInt(prefix.substring(1, prefix.length() - 1));
    }

    private byte[] sealed(int version, String context, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMModeCipher cipher = cipher(true, version, nonce, context);
        byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int written = cipher.processBytes(plain, 0, plain.length, out, NONCE_BYTES);
        try {
            cipher.doFinal(out, NONCE_BYTES + written);
        }
        catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM sealing cannot fail on its own output", e);
        }
        return out;
    }

    private byte[] opened(int version, String context, byte[] sealed) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw tampered(context, null);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
        GCMModeCipher cipher = cipher(false, version, nonce, context);
        byte[] plain = new byte[cipher.getOutputSize(sealed.length - NONCE_BYTES)];
        int written = cipher.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, plain, 0);
        try {
            written += cipher.doFinal(plain, written);
        }
        catch (InvalidCipherTextException e) {
            throw tampered(context, e);
        }
        return written == plain.length ? plain : Arrays.copyOf(plain, written);
    }

    /** The one failure of opening: whatever was changed by hand, the caller sees a value that does not open. */
    private static IllegalStateException tampered(String context, Exception cause) {
        return new IllegalStateException("个人信息密文校验失败，可能被篡改或被移到了别的位置（sealed personal data does not open "
                + "under " + context + "）", cause);
    }

    private static String prefix(int version) {
        return "v" + version + ".";
    }

    /** How a value sealed under the current key version begins; null when values are not sealed (measurement). */
    public String currentPrefix() {
        return sealing ? prefix(keys.currentVersion(KeyRing.PERSONAL)) : null;
    }

    /**
     * The keyed SM3 index of a normalised value, by kind (so that a mobile and an office phone with the same digits
     * index apart); 64 hex digits. The index key never rotates: a new one would mean re-indexing every row.
     */
    public String index(String kind, String normalised) {
        if (normalised == null) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(keys.key(KeyRing.INDEX)));
        byte[] message = (kind + ":" + normalised).getBytes(StandardCharsets.UTF_8);
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Whether a stored value is sealed ({@code v<version>.} and the Base64 of at least a nonce and a tag) rather than
     * kept in clear from before the upgrade; a clear e-mail address such as {@code v1.li@example.cn} is not sealed.
     */
    public static boolean isSealed(String stored) {
        return SEALED.matcher(stored).matches();
    }

    private GCMModeCipher cipher(boolean forSealing, int version, byte[] nonce, String context) {
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(forSealing, new AEADParameters(new KeyParameter(keys.key(KeyRing.PERSONAL, version)), TAG_BITS,
                nonce, context.getBytes(StandardCharsets.UTF_8)));
        return cipher;
    }

    /** Sealed content and the key version it was sealed under ({@code v<version>.}), or null when kept as it was. */
    public record SealedBytes(String prefix, byte[] bytes) {
    }
}
