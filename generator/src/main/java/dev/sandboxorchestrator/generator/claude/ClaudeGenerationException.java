package dev.sandboxorchestrator.generator.claude;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.TokenUsage;
import java.util.Objects;

/**
 * Claude answered, but not with usable code: it declined, its answer was cut off and could not be continued,
 * it returned no files, its output broke the schema, or its edits did not apply even after being sent back once.
 * {@link #reason()} says which, so a caller can tell "rephrase the prompt" from "raise max tokens"; the message
 * says what happened in words and never contains the API key. Errors of the API itself (HTTP status, {@code error}
 * events) are {@link dev.sandboxorchestrator.core.ServiceException}s instead.
 *
 * <pre>{@code
 * try {
 *     generator.generate(GenerationRequest.of("A todo app"), SandboxListener.NONE);
 * } catch (ClaudeGenerationException e) {
 *     if (e.reason() == ClaudeGenerationException.Reason.TRUNCATED) { ... raise maxTokens ... }
 * }
 * }</pre>
 */
public class ClaudeGenerationException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    /** Why the answer was not usable. */
    public enum Reason {
        /** The model declined ({@code stop_reason: refusal}). */
        REFUSED,
        /** The answer hit {@code max_tokens} and continuing it brought no complete file. */
        TRUNCATED,
        /** The answer contained no files (or, for a change, no changes). */
        NO_FILES,
        /** The answer broke the schema: bad JSON, an unusable path, an unknown tool. */
        INVALID_OUTPUT,
        /** Search/replace edits did not match the files, also after the model was told once. */
        EDIT_FAILED
    }

    private final Reason reason;
    private final transient TokenUsage usage;

    public ClaudeGenerationException(Reason reason, Phase phase, String message, TokenUsage usage) {
        super(message, phase, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.usage = usage == null ? TokenUsage.NONE : usage;
    }

    public Reason reason() {
        return reason;
    }

    /** The tokens spent on the calls that led here (they are billed even though the answer was not usable). */
    public TokenUsage usage() {
        return usage == null ? TokenUsage.NONE : usage;
    }
}
