package org.zhiban.dutylog;

/** A file as received, before it is checked. */
public record Upload(String fileName, byte[] content) {
}
