package io.ringkv.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** An HTTP request rejected before it reached the coordinator; rendered as a 4xx JSON error. */
final class BadHttpRequestException extends RuntimeException {

    private final HttpResponseStatus status;
    private final String error;

    BadHttpRequestException(HttpResponseStatus status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    HttpResponseStatus status() {
        return status;
    }

    String error() {
        return error;
    }
}
