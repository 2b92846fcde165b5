package dev.sandboxorchestrator.core;

import java.util.Optional;

/**
 * The root of every exception this library throws. It is unchecked: callers catch the subtype that tells
 * them what they can do ({@link InvalidInputException}: fix the input; {@link ServiceException}: the remote
 * service failed; {@link SandboxTimeoutException}: something did not become ready in time;
 * {@link PhaseFailedException}: a step of the pipeline failed, with its log).
 *
 * <p>Messages are part of the API: they say what failed, in which phase, and carry the tail of the relevant
 * log. They never contain secrets.
 */
public class SandboxOrchestratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Phase phase;

    public SandboxOrchestratorException(String message) {
        this(message, null, null);
    }

    public SandboxOrchestratorException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public SandboxOrchestratorException(String message, Phase phase, Throwable cause) {
        super(message, cause);
        this.phase = phase;
    }

    /** The pipeline phase in which this happened, when it happened inside one. */
    public Optional<Phase> phase() {
        return Optional.ofNullable(phase);
    }
}
