package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Calls {@code POST /v1/messages} through core's {@link RetryingHttp} (retries, backoff, {@code retry-after},
 * {@code x-should-retry}, deadline) and returns the answer, reading server-sent events as they arrive when the
 * body asks to stream. Problems after HTTP 200 (an {@code error} event, a stream that breaks off, goes silent or
 * carries malformed JSON) become {@link ServiceException}s with status 200; they are not retried, as the SDKs
 * do not retry them either. Thread-safe. Not API.
 */
public final class MessagesClient {
    public static final String PATH = "/v1/messages";
    public static final String API_VERSION = "2023-06-01";
    static final String USER_AGENT = "sandbox-orchestrator-generator/0.1";

    private final Settings settings;
    private final RetryingHttp http;
    private final AnthropicErrors errors;
    private final URI endpoint;

    public MessagesClient(Settings settings, RetryingHttp http, AnthropicErrors errors) {
        this.settings = settings;
        this.http = http;
        this.errors = errors;
        String base = settings.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + PATH);
    }

    /** Sends the request body and returns the whole answer; chunks go to {@code listener} as they arrive. */
    public Message create(ObjectNode body, BlockListener listener) {
        boolean stream = body.path("stream").asBoolean(false);
        HttpRequest request = request(body, stream);
        if (!stream) {
            HttpResponse<byte[]> response = http.send(request, true);
            return parseWhole(response.body(), requestId(response), listener);
        }
        HttpResponse<InputStream> response = http.stream(request, true);
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (!contentType.contains("text/event-stream")) {
            return parseWhole(readAll(response), requestId(response), listener);
        }
        return readStream(response, listener);
    }

    private HttpRequest request(ObjectNode body, boolean stream) {
        byte[] bytes;
        try {
            bytes = Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the request body", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("x-api-key", settings.apiKey().reveal())
                .header("anthropic-version", API_VERSION)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .header("user-agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (!settings.betas().isEmpty()) {
            request.header("anthropic-beta", String.join(",", settings.betas()));
        }
        return request.build();
    }

    private Message readStream(HttpResponse<InputStream> response, BlockListener listener) {
        String requestId = requestId(response);
        InputStream body = response.body();
        IdleWatchdog watchdog = new IdleWatchdog(settings.idleTimeout(), body);
        try (body; watchdog) {
            MessageAssembler assembler = new MessageAssembler(listener);
            SseParser.parse(new InputStreamReader(watchdog.watch(body), StandardCharsets.UTF_8), assembler::accept);
            if (watchdog.fired()) {
                throw silent(requestId, null);
            }
            return assembler.finish();
        } catch (IOException e) {
            throw watchdog.fired() ? silent(requestId, e)
                    : errors.inStream(null, "the event stream broke off: " + describe(e), PATH, requestId, e);
        } catch (StreamProblem problem) {
            throw watchdog.fired() ? silent(requestId, problem)
                    : errors.inStream(problem.errorType(), problem.getMessage(), PATH, requestId, problem);
        }
    }

    private Message parseWhole(byte[] body, String requestId, BlockListener listener) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw errors.inStream(null, "the response is not valid JSON: " + Json.excerpt(new String(body, StandardCharsets.UTF_8), 120),
                    PATH, requestId, e);
        }
        if (root == null || !root.isObject() || !"message".equals(Json.text(root, "type"))) {
            throw errors.inStream(Json.text(root == null ? null : root.path("error"), "type"),
                    "the response is not a message: " + Json.excerpt(String.valueOf(root), 160), PATH, requestId, null);
        }
        try {
            return MessageAssembler.fromJson(root, listener);
        } catch (StreamProblem problem) {
            throw errors.inStream(problem.errorType(), problem.getMessage(), PATH, requestId, problem);
        }
    }

    private ServiceException silent(String requestId, Exception cause) {
        long millis = settings.idleTimeout().toMillis();
        String silence = millis < 1000 ? millis + " ms" : millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
        return errors.inStream(null, "the event stream went silent for " + silence + " and was abandoned", PATH, requestId, cause);
    }

    private byte[] readAll(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readAllBytes();
        } catch (IOException e) {
            throw errors.inStream(null, "the response body broke off: " + describe(e), PATH, requestId(response), e);
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return RetryingHttp.requestId(response.headers()).orElse(null);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
