package org.zhiban.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains audit records: SHA-256 over every stored field and the previous record's hash.
 * Fields are length-prefixed so that moving text from one field to the next changes the hash.
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);

    private AuditHashing() {
    }

    static String hash(AuditRecord record) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, Long.toString(record.seq()));
        append(canonical, Long.toString(record.occurredAt().toEpochMilli()));
        append(canonical, record.accountId() == null ? null : record.accountId().toString());
        append(canonical, record.username());
        append(canonical, record.unitId() == null ? null : record.unitId().toString());
        append(canonical, record.action());
        append(canonical, record.target());
        append(canonical, record.outcome().name());
        append(canonical, record.detail());
        append(canonical, record.clientAddress());
        append(canonical, record.prevHash());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void append(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-1:");
        }
        else {
            canonical.append(value.length()).append(':').append(value);
        }
        canonical.append('|');
    }
}
