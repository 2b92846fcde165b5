package dev.sandboxorchestrator.examples.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads request JSON strictly and writes JSON responses. Thread-safe. */
final class Json {
    /** Jackson's default caps one string at 20 M characters; a single file of the guide's 100 MB must fit. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).maxNestingDepth(64).build());
    }

    private Json() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw ApiError.invalid("request body is empty; send a JSON object");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException processing ? processing.getOriginalMessage() : e.getMessage();
            throw ApiError.invalid("request body is not valid JSON: " + String.valueOf(reason).lines().findFirst().orElse(""));
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** Sends {@code body} as JSON with {@code status} and the extra headers, then closes the exchange's body. */
    static void send(HttpExchange exchange, int status, Object body, Map<String, String> headers) throws IOException {
        byte[] bytes = write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        headers.forEach(exchange.getResponseHeaders()::set);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
