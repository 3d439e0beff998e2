package io.ringkv.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.ringkv.server.admin.AdminService;
import io.ringkv.server.coordinator.KeyValueService;
import io.ringkv.server.coordinator.ReadOptions;
import io.ringkv.server.coordinator.ReadResult;
import io.ringkv.server.coordinator.RequestFailedException;
import io.ringkv.server.coordinator.WriteOptions;
import io.ringkv.server.coordinator.WriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /kv/{key}} and {@code /admin/*} requests to the node's services and renders JSON.
 *
 * <p>Stateless and shared by every connection. Replies are written from whichever thread completes
 * the service's stage; Netty hands the write to the channel's event loop.
 */
@ChannelHandler.Sharable
final class KvHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(KvHttpHandler.class);
    static final String COORDINATOR_HEADER = "X-RingKV-Coordinator";
    private static final String KV_PREFIX = "/kv/";
    private static final Base64.Encoder CONTEXT_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final KeyValueService keyValueService;
    private final AdminService adminService;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    KvHttpHandler(KeyValueService keyValueService, AdminService adminService) {
        this.keyValueService = keyValueService;
        this.adminService = adminService;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            reply(ctx, false, HttpResponseStatus.BAD_REQUEST, errorBody("bad_request", "malformed HTTP request"), null);
            return;
        }
        try {
            route(ctx, request, keepAlive);
        } catch (BadHttpRequestException bad) {
            reply(ctx, keepAlive, bad.status(), errorBody(bad.error(), bad.getMessage()), null);
        }
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, boolean keepAlive) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.rawPath();
        if (path.startsWith(KV_PREFIX)) {
            byte[] key = HttpKeys.decodeKey(path.substring(KV_PREFIX.length()));
            HttpMethod method = request.method();
            if (HttpMethod.GET.equals(method)) {
                handleGet(ctx, request, key, keepAlive);
            } else if (HttpMethod.PUT.equals(method) || HttpMethod.POST.equals(method)) {
                handlePut(ctx, request, key, keepAlive);
            } else if (HttpMethod.DELETE.equals(method)) {
                handleDelete(ctx, request, uri, key, keepAlive);
            } else {
                throw new BadHttpRequestException(
                        HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", method + " is not allowed on /kv");
            }
        } else if (path.equals("/admin/status") && HttpMethod.GET.equals(request.method())) {
            reply(ctx, keepAlive, HttpResponseStatus.OK, toJson(adminService.status()), null);
        } else if (path.equals("/admin/ring") && HttpMethod.GET.equals(request.method())) {
            reply(ctx, keepAlive, HttpResponseStatus.OK, toJson(adminService.ring()), null);
        } else {
            throw new BadHttpRequestException(HttpResponseStatus.NOT_FOUND, "no_such_path", "no resource at " + path);
        }
    }

    private void handleGet(ChannelHandlerContext ctx, FullHttpRequest request, byte[] key, boolean keepAlive) {
        ReadOptions options = new ReadOptions(
                HttpHeadersParser.quorum(request.headers(), "R"),
                HttpHeadersParser.consistency(request.headers()),
                HttpHeadersParser.timeoutMillis(request.headers()));
        whenDone(ctx, keepAlive, keyValueService.get(key, options), result -> renderRead(ctx, keepAlive, result));
    }

    private void handlePut(ChannelHandlerContext ctx, FullHttpRequest request, byte[] key, boolean keepAlive) {
        JsonBodies.WriteBody body = parseBody(request);
        byte[] value;
        if (body.value() != null && body.valueBase64() != null) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST, "bad_request", "give either value or value_base64, not both");
        } else if (body.value() != null) {
            value = body.value().getBytes(StandardCharsets.UTF_8);
        } else if (body.valueBase64() != null) {
            value = decodeBase64(body.valueBase64(), "value_base64");
        } else {
            throw new BadHttpRequestException(HttpResponseStatus.BAD_REQUEST, "bad_request", "the body needs a value");
        }
        byte[] context = decodeContext(body.context());
        WriteOptions options = writeOptions(request);
        whenDone(
                ctx,
                keepAlive,
                keyValueService.put(key, value, context, options),
                result -> renderWrite(ctx, keepAlive, result));
    }

    private void handleDelete(
            ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri, byte[] key, boolean keepAlive) {
        String contextText = null;
        if (request.content().isReadable()) {
            contextText = parseBody(request).context();
        }
        List<String> fromQuery = uri.parameters().get("context");
        if (contextText == null && fromQuery != null && !fromQuery.isEmpty()) {
            contextText = fromQuery.get(0);
        }
        byte[] context = decodeContext(contextText);
        whenDone(
                ctx,
                keepAlive,
                keyValueService.delete(key, context, writeOptions(request)),
                result -> renderWrite(ctx, keepAlive, result));
    }

    private static WriteOptions writeOptions(FullHttpRequest request) {
        return new WriteOptions(
                HttpHeadersParser.quorum(request.headers(), "W"),
                HttpHeadersParser.consistency(request.headers()),
                HttpHeadersParser.timeoutMillis(request.headers()));
    }

    private void renderRead(ChannelHandlerContext ctx, boolean keepAlive, ReadResult result) {
        String context = CONTEXT_ENCODER.encodeToString(result.context());
        Object body;
        HttpResponseStatus status;
        if (!result.found()) {
            status = HttpResponseStatus.NOT_FOUND;
            body = new JsonBodies.NotFoundReply("not_found", result.context().length == 0 ? null : context);
        } else if (result.siblings().size() == 1) {
            status = HttpResponseStatus.OK;
            byte[] value = result.siblings().get(0).value();
            String text = HttpKeys.utf8OrNull(value);
            body = new JsonBodies.SingleValueReply(
                    text, text == null ? Base64.getEncoder().encodeToString(value) : null, context);
        } else {
            status = HttpResponseStatus.MULTIPLE_CHOICES;
            body = new JsonBodies.SiblingsReply(
                    result.siblings().stream()
                            .map(version -> {
                                String text = HttpKeys.utf8OrNull(version.value());
                                return new JsonBodies.SiblingBody(
                                        text,
                                        text == null ? Base64.getEncoder().encodeToString(version.value()) : null,
                                        version.wallClockMillis());
                            })
                            .toList(),
                    context);
        }
        reply(ctx, keepAlive, status, toJson(body), result.coordinator());
    }

    private void renderWrite(ChannelHandlerContext ctx, boolean keepAlive, WriteResult result) {
        Object body = new JsonBodies.ContextReply(CONTEXT_ENCODER.encodeToString(result.context()));
        reply(ctx, keepAlive, HttpResponseStatus.OK, toJson(body), result.coordinator());
    }

    private <T> void whenDone(
            ChannelHandlerContext ctx, boolean keepAlive, CompletionStage<T> stage, Consumer<T> onOk) {
        stage.whenComplete((result, failure) -> {
            if (failure == null) {
                onOk.accept(result);
                return;
            }
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof RequestFailedException requestFailed) {
                reply(
                        ctx,
                        keepAlive,
                        HttpErrorStatus.of(requestFailed.code()),
                        toJson(HttpErrorStatus.body(requestFailed)),
                        null);
            } else {
                ctx.fireExceptionCaught(cause);
                reply(
                        ctx,
                        false,
                        HttpResponseStatus.INTERNAL_SERVER_ERROR,
                        errorBody("internal", "internal error"),
                        null);
            }
        });
    }

    private JsonBodies.WriteBody parseBody(FullHttpRequest request) {
        if (!request.content().isReadable()) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST, "bad_json", "the request needs a JSON body");
        }
        try (ByteBufInputStream in = new ByteBufInputStream(request.content().duplicate())) {
            JsonBodies.WriteBody body = json.readValue((java.io.InputStream) in, JsonBodies.WriteBody.class);
            if (body == null) {
                throw new BadHttpRequestException(HttpResponseStatus.BAD_REQUEST, "bad_json", "the body is null");
            }
            return body;
        } catch (JsonProcessingException malformed) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST,
                    "bad_json",
                    "malformed JSON body: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new BadHttpRequestException(HttpResponseStatus.BAD_REQUEST, "bad_json", "unreadable body");
        }
    }

    private static byte[] decodeContext(String text) {
        if (text == null || text.isEmpty()) {
            return new byte[0];
        }
        return decodeBase64(text, "context");
    }

    private static byte[] decodeBase64(String text, String field) {
        try {
            return text.indexOf('+') >= 0 || text.indexOf('/') >= 0
                    ? Base64.getDecoder().decode(text)
                    : Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new BadHttpRequestException(
                    HttpResponseStatus.BAD_REQUEST,
                    field.equals("context") ? "invalid_context" : "bad_request",
                    field + " is not valid base64");
        }
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot render " + body.getClass().getSimpleName(), impossible);
        }
    }

    private byte[] errorBody(String error, String message) {
        return toJson(JsonBodies.ErrorReply.of(error, message));
    }

    private static void reply(
            ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, byte[] body, String coordinator) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (coordinator != null) {
            response.headers().set(COORDINATOR_HEADER, coordinator);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A broken connection (reset by peer, malformed bytes) affects only this client.
        LOG.debug("closing HTTP connection after {}", cause.toString().toLowerCase(Locale.ROOT));
        ctx.close();
    }
}
