package dev.sandboxorchestrator.core;

import java.util.Objects;

/**
 * What to generate: the user's prompt and the form the code should take.
 *
 * @param prompt what the app should be, in the user's words
 * @param format Next.js App Router files (the default) or a plain HTML page
 */
public record GenerationRequest(String prompt, Format format) {
    /** The shape of code a generator is asked for. */
    public enum Format { NEXTJS, HTML }

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw new InvalidInputException("prompt", "must not be blank");
        }
        format = format == null ? Format.NEXTJS : format;
    }

    public static GenerationRequest of(String prompt) {
        return new GenerationRequest(prompt, Format.NEXTJS);
    }
}
