package org.zhiban.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a duty office attaches — scans and photos, PDF and OFD documents, Word and Excel files, plain
 * text — each known by its name's extension and by how its content begins, so that a renamed program is refused.
 */
public enum AttachmentType {
    PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F' }, "pdf"),
    OFD("application/ofd", Signatures.ZIP, "ofd"),
    JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, "jpg", "jpeg"),
    PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "png"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Signatures.ZIP, "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Signatures.ZIP, "xlsx"),
    DOC("application/msword", Signatures.OLE2, "doc"),
    XLS("application/vnd.ms-excel", Signatures.OLE2, "xls"),
    TEXT("text/plain; charset=UTF-8", null, "txt");

    private final String contentType;
    private final byte[] signature;
    private final String[] extensions;

    AttachmentType(String contentType, byte[] signature, String... extensions) {
        this.contentType = contentType;
        this.signature = signature;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The type the file's name claims, if it is one of ours. */
    public static Optional<AttachmentType> byName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> Arrays.asList(type.extensions).contains(extension)).findFirst();
    }

    /** Whether the content begins as this type's files do (plain text: UTF-8 without control bytes). */
    public boolean matches(byte[] content) {
        if (signature == null) {
            return isText(content);
        }
        return content.length >= signature.length
                && Arrays.equals(Arrays.copyOf(content, signature.length), signature);
    }

    public static String allowed() {
        return String.join("、", Arrays.stream(values()).flatMap(type -> Arrays.stream(type.extensions)).toList());
    }

    /** Scans, photos and documents of a duty office fit; video does not. */
    public static final long MAX_SIZE = 10L * 1024 * 1024;

    /**
     * The type of a file a duty office may attach — by extension and by content, so that a renamed program is
     * refused — and nothing empty or over {@link #MAX_SIZE}; the refusal names the field {@code file}.
     */
    public static AttachmentType requireAllowed(String fileName, byte[] content) {
        if (fileName == null || fileName.isBlank() || fileName.strip().length() > 200) {
            throw ZhibanException.invalidField("file", "附件须有文件名（不超过 200 字）");
        }
        if (content == null || content.length == 0) {
            throw ZhibanException.invalidField("file", "附件是空文件");
        }
        if (content.length > MAX_SIZE) {
            throw new ZhibanException(413, "ATTACHMENT_TOO_LARGE", "附件不能超过 10 MB（" + fileName.strip() + " 为 "
                    + String.format("%.1f", content.length / 1024.0 / 1024.0) + " MB）",
                    List.of(new ZhibanException.FieldProblem("file", "附件不能超过 10 MB")));
        }
        AttachmentType type = byName(fileName.strip()).orElseThrow(() -> unsupported(fileName, "不支持的附件类型"));
        if (!type.matches(content)) {
            throw unsupported(fileName, "文件内容与扩展名不符");
        }
        return type;
    }

    /** A file's SHA-256, as kept beside it and in the audit trail. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZhibanException unsupported(String fileName, String why) {
        String message = why + "：" + fileName.strip() + "。可上传 " + allowed();
        return new ZhibanException(415, "ATTACHMENT_TYPE_REFUSED", message,
                List.of(new ZhibanException.FieldProblem("file", message)));
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0 || (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        }
        catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static final class Signatures {
        static final byte[] ZIP = { 'P', 'K', 3, 4 };
        static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };
    }
}
