package dev.sandboxorchestrator.daytona.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Daytona error answers into {@link ServiceException}s. Reads both error shapes: the main API's
 * {@code {statusCode, error, message}} (message may be an array of validation messages) and the toolbox's
 * {@code {statusCode, message, code}}, plus the bulk upload's {@code {errors: [...]}}. Anything else (an HTML page
 * from a gateway) gives its first line of text. The API key is cut out of whatever is quoted. Not API.
 */
final class DaytonaErrorDecoder implements RetryingHttp.ErrorDecoder {
    private static final int MAX_QUOTED = 300;

    private final Secret apiKey;
    private final ObjectMapper json;

    DaytonaErrorDecoder(Secret apiKey, ObjectMapper json) {
        this.apiKey = apiKey;
        this.json = json;
    }

    @Override
    public ServiceException decode(int status, HttpHeaders headers, byte[] body, String path, int attempts, Duration retryAfter) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        String message = null;
        String code = null;
        JsonNode node = parse(text);
        if (node != null && node.isObject()) {
            message = messageOf(node);
            code = firstText(node, "code", "error_code", "error");
        } else if (!text.isEmpty() && !text.startsWith("<")) {
            message = text.lines().findFirst().orElse("");
        }
        if (message != null && message.length() > MAX_QUOTED) {
            message = message.substring(0, MAX_QUOTED) + "...";
        }
        if (code != null && code.equals(message)) {
            code = null;
        }
        return new ServiceException(DaytonaHttp.SERVICE, status, apiKey.redact(code), apiKey.redact(message), path,
                RetryingHttp.requestId(headers).orElse(null), attempts, retryAfter, null);
    }

    private JsonNode parse(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String messageOf(JsonNode node) {
        JsonNode message = node.get("message");
        if (message != null && message.isArray()) {
            List<String> parts = new ArrayList<>();
            message.forEach(part -> parts.add(part.asText()));
            return String.join(", ", parts);
        }
        if (message != null && message.isValueNode() && !message.asText().isBlank()) {
            return message.asText();
        }
        JsonNode errors = node.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            errors.forEach(part -> parts.add(part.isValueNode() ? part.asText() : firstText(part, "error", "message", "path")));
            return String.join("; ", parts);
        }
        return firstText(node, "error");
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
