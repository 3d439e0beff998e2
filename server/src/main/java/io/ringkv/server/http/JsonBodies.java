package io.ringkv.server.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON shapes of the HTTP API, one record per body. */
final class JsonBodies {

    private JsonBodies() {}

    /** {@code PUT /kv/{key}} and {@code DELETE /kv/{key}} request body. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record WriteBody(
            @JsonProperty("value") String value,
            @JsonProperty("value_base64") String valueBase64,
            @JsonProperty("context") String context) {}

    /** One sibling in a reply: text when the bytes are UTF-8, base64 otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SiblingBody(
            @JsonProperty("value") String value,
            @JsonProperty("value_base64") String valueBase64,
            @JsonProperty("timestamp_millis") long timestampMillis) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SingleValueReply(
            @JsonProperty("value") String value,
            @JsonProperty("value_base64") String valueBase64,
            @JsonProperty("context") String context) {}

    record SiblingsReply(
            @JsonProperty("versions") List<SiblingBody> versions,
            @JsonProperty("context") String context) {}

    record ContextReply(@JsonProperty("context") String context) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NotFoundReply(
            @JsonProperty("error") String error,
            @JsonProperty("context") String context) {}

    record ReplicaErrorBody(
            @JsonProperty("node") String node,
            @JsonProperty("code") String code,
            @JsonProperty("message") String message) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ErrorReply(
            @JsonProperty("error") String error,
            @JsonProperty("message") String message,
            @JsonProperty("definite") Boolean definite,
            @JsonProperty("acks") Integer acks,
            @JsonProperty("required") Integer required,
            @JsonProperty("replicas") List<ReplicaErrorBody> replicas) {

        static ErrorReply of(String error, String message) {
            return new ErrorReply(error, message, null, null, null, List.of());
        }
    }
}
