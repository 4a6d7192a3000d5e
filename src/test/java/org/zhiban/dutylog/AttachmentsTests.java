package org.zhiban.dutylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.zhiban.shared.ZhibanException;

/** The attachment rule: allowed kinds by name and content, not empty, not over 10 MB. */
class AttachmentsTests {

    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void onlyTheKindsADutyOfficeFilesPassCheckedByNameAndContent() {
        assertThat(Attachments.requireAllowed(new Upload("传真.PDF", PDF))).isEqualTo(AttachmentType.PDF);
        assertThat(Attachments.requireAllowed(new Upload("现场.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1 })))
                .isEqualTo(AttachmentType.JPEG);
        assertThat(Attachments.requireAllowed(new Upload("说明.txt", "雨情：中雨\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(AttachmentType.TEXT);
        assertRefused(new Upload("setup.exe", new byte[] { 'M', 'Z', 0, 0 }), 415, "不支持的附件类型");
        assertRefused(new Upload("通知.pdf", new byte[] { 'M', 'Z', 0, 0 }), 415, "文件内容与扩展名不符");
        assertRefused(new Upload("说明.txt", new byte[] { 'a', 0, 'b' }), 415, "文件内容与扩展名不符");
        assertRefused(new Upload("空.pdf", new byte[0]), 400, "空文件");
        byte[] large = new byte[(int) Attachments.MAX_SIZE + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertRefused(new Upload("大.pdf", large), 413, "不能超过 10 MB");
    }

    private static void assertRefused(Upload upload, int status, String message) {
        assertThatThrownBy(() -> Attachments.requireAllowed(upload)).isInstanceOfSatisfying(ZhibanException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.detail()).contains(message);
        });
    }
}
