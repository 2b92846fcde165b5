package dev.sandboxorchestrator.nextjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.util.Iterator;
import java.util.Map;

/** Reads JSON files of the input and writes JSON the way npm and Next.js write it (two-space indent). Thread-safe. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a JSON object, or fails naming the file. */
    static ObjectNode parseObject(String file, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new InvalidInputException(file, "must be a JSON object");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file, "is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        }
    }

    /** A JavaScript/JSON string literal for the text (U+2028 and U+2029 escaped too). */
    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, "");
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, StringBuilder out, String indent) {
        String inner = indent + "  ";
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(inner).append(quote(field.getKey())).append(": ");
                write(field.getValue(), out, inner);
                out.append(fields.hasNext() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                out.append(inner);
                write(node.get(i), out, inner);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            out.append(node.toString());
        }
    }
}
