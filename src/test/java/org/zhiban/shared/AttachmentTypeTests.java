package org.zhiban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The attachment rule: allowed kinds by name and content, not empty, not over 10 MB. */
class AttachmentTypeTests {

    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void onlyTheKindsADutyOfficeFilesPassCheckedByNameAndContent() {
        assertThat(AttachmentType.requireAllowed("传真.PDF", PDF)).isEqualTo(AttachmentType.PDF);
        assertThat(AttachmentType.requireAllowed("现场.jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1 }))
                .isEqualTo(AttachmentType.JPEG);
        assertThat(AttachmentType.requireAllowed("说明.txt", "雨情：中雨\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(AttachmentType.TEXT);
        assertRefused("setup.exe", new byte[] { 'M', 'Z', 0, 0 }, 415, "不支持的附件类型");
        assertRefused("通知.pdf", new byte[] { 'M', 'Z', 0, 0 }, 415, "文件内容与扩展名不符");
        assertRefused("说明.txt", new byte[] { 'a', 0, 'b' }, 415, "文件内容与扩展名不符");
        assertRefused("空.pdf", new byte[0], 400, "空文件");
        byte[] large = new byte[(int) AttachmentType.MAX_SIZE + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertRefused("大.pdf", large, 413, "不能超过 10 MB");
    }

    private static void assertRefused(String name, byte[] content, int status, String message) {
        assertThatThrownBy(() -> AttachmentType.requireAllowed(name, content)).isInstanceOfSatisfying(
                ZhibanException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.detail()).contains(message);
                });
    }
}
