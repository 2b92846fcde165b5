package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads Anthropic error responses, {@code {"type":"error","error":{"type","message"},"request_id"}}, into a
 * {@link ServiceException} with the API's error type, message and request id (header {@code request-id}, else
 * the body's). Bodies that are not JSON (a proxy's page) are kept as a short excerpt. The API key is redacted
 * should a body ever echo it. Thread-safe. Not API.
 */
public final class AnthropicErrors implements RetryingHttp.ErrorDecoder {
    public static final String SERVICE = "Anthropic";
    private static final int MAX_RAW_MESSAGE = 300;

    private final Secret apiKey;

    public AnthropicErrors(Secret apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public ServiceException decode(int status, HttpHeaders headers, byte[] body, String path, int attempts, Duration retryAfter) {
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        String type = null;
        String message = null;
        String requestId = RetryingHttp.requestId(headers).orElse(null);
        try {
            JsonNode root = Json.MAPPER.readTree(text);
            if (root != null && root.isObject()) {
                type = Json.text(root.path("error"), "type");
                message = Json.text(root.path("error"), "message");
                requestId = requestId != null ? requestId : Json.text(root, "request_id");
            }
        } catch (IOException notJson) {
            // a proxy or load balancer answered; its text is all there is
        }
        if (message == null && !text.isBlank()) {
            message = Json.excerpt(text, MAX_RAW_MESSAGE);
        }
        return new ServiceException(SERVICE, status, type, apiKey.redact(message), path, requestId, attempts, retryAfter, null);
    }

    /** An error that arrived inside a stream after HTTP 200 (an {@code error} event, a broken or malformed stream). */
    public ServiceException inStream(String type, String message, String path, String requestId, Throwable cause) {
        return new ServiceException(SERVICE, 200, type, apiKey.redact(message), path, requestId, 1, null, cause);
    }
}
