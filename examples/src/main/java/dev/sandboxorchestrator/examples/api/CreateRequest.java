package dev.sandboxorchestrator.examples.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxSpec;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The original guide's create request, {@code {"generatedCode": {filename: content}, "projectName", "description"}}
 * plus optional {@code environment}, {@code autoStop} (hours), {@code buildScript}, {@code startScript}, parsed
 * strictly: every wrong shape is an {@link InvalidInputException} whose message is the guide's text.
 *
 * @param code the files
 * @param spec the sandbox to create
 */
public record CreateRequest(GeneratedCode code, SandboxSpec spec) {
    /** The guide's message for a missing or malformed {@code generatedCode}. */
    public static final String CODE_SHAPE = "generatedCode must be an object with filename -> content mapping";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses JSON bytes; {@code defaultName} is used when {@code projectName} is absent. */
    public static CreateRequest parse(byte[] json, String defaultName) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + firstLine(e.getMessage()));
        }
        return from(root, defaultName);
    }

    public static CreateRequest from(JsonNode root, String defaultName) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        JsonNode files = root.get("generatedCode");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new InvalidInputException("generatedCode", CODE_SHAPE);
        }
        Map<String, FileContent> code = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!file.getValue().isTextual()) {
                throw new InvalidInputException("generatedCode", CODE_SHAPE + " (the content of " + file.getKey() + " is not a string)");
            }
            code.put(file.getKey(), FileContent.text(file.getValue().asText()));
        }
        String name = JsonFields.text(root, "projectName", defaultName);
        String description = JsonFields.text(root, "description", "");
        SandboxSpec.Builder spec = SandboxSpec.builder(SandboxNames.sanitize(name)).description(description)
                .buildScript(JsonFields.text(root, "buildScript", null)).startScript(JsonFields.text(root, "startScript", null));
        JsonFields.autoStop(root).ifPresent(spec::autoStop);
        JsonNode environment = root.get("environment");
        if (environment != null && !environment.isNull()) {
            if (!environment.isObject()) {
                throw new InvalidInputException("environment", "must be an object of name -> value strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = environment.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                if (!variable.getValue().isTextual()) {
                    throw new InvalidInputException("environment." + variable.getKey(), "must be a string");
                }
                spec.env(variable.getKey(), variable.getValue().asText());
            }
        }
        GeneratedCode generated = new GeneratedCode(code, name, description, null, null, null);
        return new CreateRequest(generated, spec.build());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
