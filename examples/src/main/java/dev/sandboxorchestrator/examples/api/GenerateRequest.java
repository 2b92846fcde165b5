package dev.sandboxorchestrator.examples.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxSpec;

/**
 * The guide's generate request, {@code {"prompt": "..."}}, with optional {@code projectName}, {@code format}
 * ({@code "nextjs"}, the default, or {@code "html"}) and {@code autoStop} (hours), parsed strictly: every
 * wrong shape is an {@link InvalidInputException} that says what is expected.
 *
 * <pre>{@code
 * GenerateRequest request = GenerateRequest.from(new ObjectMapper().readTree("{\"prompt\": \"A bakery page\"}"));
 * }</pre>
 *
 * @param request what to generate
 * @param spec    the sandbox to create, named after {@code projectName} or the prompt's first words
 */
public record GenerateRequest(GenerationRequest request, SandboxSpec spec) {
    /** Longest prompt accepted, in characters. */
    public static final int MAX_PROMPT_LENGTH = 20_000;
    public static final String PROMPT_SHAPE = "prompt must be a non-empty string describing the app";

    public static GenerateRequest from(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object like {\"prompt\": \"A landing page for a bakery\"}");
        }
        JsonNode prompt = root.get("prompt");
        if (prompt == null || !prompt.isTextual() || prompt.asText().isBlank()) {
            throw new InvalidInputException("prompt", PROMPT_SHAPE);
        }
        String text = prompt.asText().strip();
        if (text.length() > MAX_PROMPT_LENGTH) {
            throw new InvalidInputException("prompt", "is " + text.length() + " characters, over the limit of " + MAX_PROMPT_LENGTH);
        }
        GenerationRequest.Format format = switch (JsonFields.text(root, "format", "nextjs")) {
            case "nextjs" -> GenerationRequest.Format.NEXTJS;
            case "html" -> GenerationRequest.Format.HTML;
            default -> throw new InvalidInputException("format", "must be \"nextjs\" or \"html\"");
        };
        String[] words = text.split("\\s+");
        String name = JsonFields.text(root, "projectName", String.join(" ", java.util.Arrays.copyOf(words, Math.min(6, words.length))));
        SandboxSpec.Builder spec = SandboxSpec.builder(SandboxNames.sanitize(name))
                .description(text.length() > 200 ? text.substring(0, 200) : text);
        JsonFields.autoStop(root).ifPresent(spec::autoStop);
        return new GenerateRequest(new GenerationRequest(text, format), spec.build());
    }
}
