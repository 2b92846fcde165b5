package dev.sandboxorchestrator.core;

import java.time.Duration;

/** Something did not happen in time. The message says what was waited for and for how long. */
public class SandboxTimeoutException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final Duration waited;

    public SandboxTimeoutException(Phase phase, String waitedFor, Duration waited) {
        this(phase, waitedFor, waited, null);
    }

    public SandboxTimeoutException(Phase phase, String waitedFor, Duration waited, String detail) {
        super("Timed out after " + Durations.human(waited) + " waiting for " + waitedFor
                + (detail == null || detail.isBlank() ? "" : "\n" + detail.strip()), phase, null);
        this.waited = waited;
    }

    /** How long was waited before giving up. */
    public Duration waited() {
        return waited;
    }
}
