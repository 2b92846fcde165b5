package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the API's {@code Sandbox} and {@code SandboxListItem} objects leniently (numbers may be decimals). */
final class SandboxJson {
    private SandboxJson() {
    }

    /** The sandbox, or {@code null} when the object has no id. */
    static Sandbox sandbox(JsonNode node) {
        String id = text(node, "id");
        if (id == null) {
            return null;
        }
        return new Sandbox(id, text(node, "name"), text(node, "organizationId"), SandboxState.fromWire(text(node, "state")),
                text(node, "errorReason"), text(node, "snapshot"), text(node, "target"), strings(node.get("labels")),
                strings(node.get("env")), node.path("public").asBoolean(false), node.path("cpu").asDouble(0),
                node.path("memory").asDouble(0), node.path("disk").asDouble(0), minutes(node.get("autoStopInterval")),
                minutes(node.get("autoArchiveInterval")), minutes(node.get("autoDeleteInterval")), text(node, "createdAt"),
                text(node, "toolboxProxyUrl"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                    values.put(entry.getKey(), entry.getValue().asText());
                }
            });
        }
        return values;
    }

    private static Duration minutes(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        return Duration.ofSeconds(Math.round(node.asDouble() * 60));
    }
}
