package dev.sandboxorchestrator.daytona.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import dev.sandboxorchestrator.core.internal.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Daytona side of the HTTP seam: builds requests with the headers every Daytona call carries (bearer
 * key, SDK identity, organization), sends them through core's {@link RetryingHttp} and reads JSON answers.
 * Thread-safe. Not API.
 */
public final class DaytonaHttp {
    /** The service name in exceptions and logs. */
    public static final String SERVICE = "Daytona";
    /** Our own value of {@code X-Daytona-Source}. */
    public static final String SOURCE = "sandbox-orchestrator-java";
    /**
     * The Daytona SDK behaviour this client implements, sent as {@code X-Daytona-SDK-Version}: the daemon answers
     * session logs as JSON with clean stdout/stderr only for versions from 0.167.0 on.
     */
    public static final String DAYTONA_API_LEVEL = "0.190.0";

    public static final String JSON = "application/json";
    private static final String VERSION = libraryVersion();

    private final RetryingHttp http;
    private final DaytonaErrorDecoder decoder;
    private final ObjectMapper json;
    private final Secret apiKey;
    private final Map<String, String> identity;

    public DaytonaHttp(HttpClient client, Secret apiKey, String organizationId, RetryingHttp.Policy policy, Sleeper sleeper) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.json = mapper();
        this.decoder = new DaytonaErrorDecoder(apiKey, json);
        this.http = new RetryingHttp(SERVICE, client, policy, sleeper, decoder);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Daytona-Source", SOURCE);
        headers.put("X-Daytona-SDK-Version", DAYTONA_API_LEVEL);
        headers.put("User-Agent", SOURCE + "/" + VERSION);
        if (organizationId != null && !organizationId.isBlank()) {
            headers.put("X-Daytona-Organization-ID", organizationId.strip());
        }
        this.identity = Map.copyOf(headers);
    }

    /** Lenient JSON: DTOs carry more fields than we read, and numbers may come as decimals. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** This library's version, from the build ({@code dev} when the build did not set it). */
    public static String libraryVersion() {
        try (java.io.InputStream in = DaytonaHttp.class.getResourceAsStream("/dev/sandboxorchestrator/daytona/version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.contains("${") ? "dev" : version.strip();
        } catch (java.io.IOException e) {
            return "dev";
        }
    }

    public ObjectMapper json() {
        return json;
    }

    public HttpClient client() {
        return http.client();
    }

    /** The headers every call sends, the bearer key included: for the WebSocket handshake. */
    public Map<String, String> headers() {
        Map<String, String> all = new LinkedHashMap<>(identity);
        all.put("Authorization", "Bearer " + apiKey.reveal());
        return all;
    }

    /** A request to {@code uri} with the Daytona headers and a timeout; the caller sets method and body. */
    public HttpRequest.Builder request(URI uri, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        headers().forEach(builder::header);
        return builder.header("Accept", JSON);
    }

    public HttpRequest get(URI uri, Duration timeout) {
        return request(uri, timeout).GET().build();
    }

    public HttpRequest delete(URI uri, Duration timeout) {
        return request(uri, timeout).DELETE().build();
    }

    /** A POST without a body and without a Content-Type: the API rejects a JSON body on its action routes. */
    public HttpRequest postEmpty(URI uri, Duration timeout) {
        return request(uri, timeout).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    public HttpRequest postJson(URI uri, Object body, Duration timeout) {
        return withJson(request(uri, timeout), "POST", body);
    }

    public HttpRequest putJson(URI uri, Object body, Duration timeout) {
        return withJson(request(uri, timeout), "PUT", body);
    }

    private HttpRequest withJson(HttpRequest.Builder builder, String method, Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return builder.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the request body as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends and returns the raw 2xx response; errors become {@link ServiceException}s. */
    public HttpResponse<byte[]> send(HttpRequest request, boolean idempotent) {
        return http.send(request, idempotent);
    }

    /**
     * Sends once, without retries, a request whose path holds a secret (a signed preview token): the retrying
     * seam logs paths, and its errors quote them. Errors here name {@code shownPath} instead.
     */
    public HttpResponse<byte[]> sendOnce(HttpRequest request, String shownPath) {
        HttpResponse<byte[]> response;
        try {
            response = http.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "connection failed";
            throw new ServiceException(SERVICE, 0, null, kind + " (" + e.getClass().getSimpleName() + ")", shownPath, null, 1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.sandboxorchestrator.core.SandboxOrchestratorException("Interrupted while calling " + SERVICE + " " + shownPath, e);
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response;
        }
        throw decoder.decode(response.statusCode(), response.headers(), response.body(), shownPath, 1,
                RetryingHttp.retryAfter(response.headers()).orElse(null));
    }

    /** Sends and parses the 2xx answer as JSON ({@link NullNode} for an empty body). */
    public JsonNode sendForJson(HttpRequest request, boolean idempotent) {
        return parse(send(request, idempotent));
    }

    /** Parses a response body as JSON; an unreadable body is a {@link ServiceException} that quotes none of it. */
    public JsonNode parse(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            // The body may hold a token (preview URLs), so the message names where parsing failed, not what it read.
            String where = e.getLocation() == null ? "" : " (at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw invalid(response, "the response is not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw invalid(response, "the response could not be read");
        }
    }

    /** The error for a 2xx answer that is not what the API documents. */
    public static ServiceException invalid(HttpResponse<?> response, String what) {
        return new ServiceException(SERVICE, response.statusCode(), "invalid_response", what, response.uri().getPath(),
                RetryingHttp.requestId(response.headers()).orElse(null), 1, null, null);
    }

    /** A required text field of an answer, or the error that says it is missing. */
    public static String required(JsonNode node, String field, HttpResponse<?> response) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
            throw invalid(response, "the response has no '" + field + "'");
        }
        return value.asText();
    }
}
