package org.zhiban.dutylog;

/**
 * A file as received, before it is checked.
 *
 * @param sensitive marked by the officer as holding personal information (an ID card, a medical record): its content
 *                  is kept sealed with SM4 (ADR 0024)
 */
public record Upload(String fileName, byte[] content, boolean sensitive) {

    public Upload(String fileName, byte[] content) {
        this(fileName, content, false);
    }
}
