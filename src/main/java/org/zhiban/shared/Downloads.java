package org.zhiban.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Files for download with their Chinese names intact (RFC 6266 filename*). */
public final class Downloads {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Downloads() {
    }

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
        return attachment(filename, XLSX, content);
    }

    public static ResponseEntity<byte[]> docx(String filename, byte[] content) {
        return attachment(filename, DOCX, content);
    }

    public static ResponseEntity<byte[]> attachment(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
