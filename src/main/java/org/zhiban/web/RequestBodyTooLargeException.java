package org.zhiban.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out to exceed the limit (chunked bodies have no length). */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("请求内容超过 " + (limit / 1024) + " KiB 的上限");
    }
}
