package org.zhiban.dutylog.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhiban.dutylog.Attachments;

/** A file as a download under its own (Chinese) name. */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(contentType)).body(content);
    }

    static ResponseEntity<byte[]> of(Attachments.Stored stored) {
        return of(stored.attachment().fileName(), stored.attachment().contentType(), stored.content());
    }
}
