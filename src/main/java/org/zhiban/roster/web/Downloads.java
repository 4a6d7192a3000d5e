package org.zhiban.roster.web;

import org.springframework.http.ResponseEntity;

/** The roster's spreadsheets as downloads. */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return org.zhiban.shared.Downloads.attachment(filename, XLSX, content);
    }
}
