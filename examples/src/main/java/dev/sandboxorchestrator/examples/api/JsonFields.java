package dev.sandboxorchestrator.examples.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.time.Duration;
import java.util.Optional;

/** Optional fields of the API's request bodies, checked for their type. */
final class JsonFields {
    private JsonFields() {
    }

    /** A string field, {@code fallback} when absent or null; any other type is invalid input. */
    static String text(JsonNode root, String field, String fallback) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return node.asText();
    }

    /** The guide's {@code autoStop} in hours (0 &lt; hours ≤ 720), as a duration. */
    static Optional<Duration> autoStop(JsonNode root) {
        JsonNode autoStop = root.get("autoStop");
        if (autoStop == null || autoStop.isNull()) {
            return Optional.empty();
        }
        if (!autoStop.isNumber() || autoStop.asDouble() <= 0 || autoStop.asDouble() > 24 * 30) {
            throw new InvalidInputException("autoStop", "must be a number of hours between 0 and 720");
        }
        return Optional.of(Duration.ofMinutes(Math.round(autoStop.asDouble() * 60)));
    }
}
