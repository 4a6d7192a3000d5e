package org.zhiban.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out to exceed the limit (chunked bodies have no length). */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(String refusal) {
        super(refusal);
    }
}
