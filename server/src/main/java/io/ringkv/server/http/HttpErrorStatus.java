package io.ringkv.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.ringkv.protocol.ErrorCode;
import io.ringkv.server.coordinator.RequestFailedException;
import java.util.Locale;

/** Maps the store's error codes onto HTTP statuses and JSON error bodies. */
final class HttpErrorStatus {

    private HttpErrorStatus() {}

    static HttpResponseStatus of(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST, MALFORMED_FRAME, KEY_TOO_LARGE, INVALID_CONTEXT, UNSUPPORTED_MESSAGE ->
                HttpResponseStatus.BAD_REQUEST;
            case VALUE_TOO_LARGE, FRAME_TOO_LARGE -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
            case TOO_MANY_SIBLINGS -> HttpResponseStatus.CONFLICT;
            case UNAVAILABLE, SHUTTING_DOWN, NOT_REPLICA -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            case OVERLOADED -> HttpResponseStatus.TOO_MANY_REQUESTS;
            case TIMEOUT -> HttpResponseStatus.GATEWAY_TIMEOUT;
            default -> HttpResponseStatus.INTERNAL_SERVER_ERROR;
        };
    }

    static JsonBodies.ErrorReply body(RequestFailedException failure) {
        boolean quorumError = failure.acksRequired() > 0;
        return new JsonBodies.ErrorReply(
                failure.code().name().toLowerCase(Locale.ROOT),
                failure.getMessage(),
                failure.definite(),
                quorumError ? failure.acksReceived() : null,
                quorumError ? failure.acksRequired() : null,
                failure.replicaFailures().stream()
                        .map(replica -> new JsonBodies.ReplicaErrorBody(
                                replica.nodeId(), replica.code().name(), replica.message()))
                        .toList());
    }
}
