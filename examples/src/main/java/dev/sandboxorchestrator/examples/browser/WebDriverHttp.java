package dev.sandboxorchestrator.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * JSON over HTTP to a local WebDriver server: one request per command, the W3C {@code {"value": ...}} envelope
 * unwrapped, error envelopes turned into {@link BrowserException}s. Commands are never retried: most of them are
 * not idempotent (click, type) and the server is on loopback. Thread-safe.
 */
final class WebDriverHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final Duration timeout;
    private final Supplier<String> diagnostics;

    WebDriverHttp(HttpClient client, URI base, Duration timeout, Supplier<String> diagnostics) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
        this.diagnostics = diagnostics;
    }

    static ObjectMapper json() {
        return JSON;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8");
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return unwrap(method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new BrowserException("WebDriver " + method + " " + path + " failed: " + e.getMessage()
                    + tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrowserException("Interrupted during WebDriver " + method + " " + path, e);
        }
    }

    private JsonNode unwrap(String method, String path, int status, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BrowserException("WebDriver " + method + " " + path + " answered HTTP " + status
                    + " with a body that is not JSON" + tail(), e);
        }
        JsonNode value = root == null ? NullNode.instance : root.path("value");
        if (status == 200 && !(value.isObject() && value.has("error"))) {
            return value;
        }
        String error = value.path("error").asText("unknown error");
        String message = value.path("message").asText("").lines().findFirst().orElse("");
        throw new BrowserException("WebDriver " + method + " " + path + " failed (HTTP " + status + "): " + error
                + (message.isEmpty() || message.equals(error) ? "" : ": " + message), error, null);
    }

    private String tail() {
        String text = diagnostics.get();
        return text == null || text.isBlank() ? "" : "\nchromedriver log:\n" + text;
    }
}
