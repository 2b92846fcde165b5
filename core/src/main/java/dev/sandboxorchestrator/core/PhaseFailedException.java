package dev.sandboxorchestrator.core;

import java.util.Objects;

/**
 * A pipeline phase failed inside a sandbox: install, build or start exited non-zero, or a process died.
 * The message names the phase and carries the tail of the phase's log; {@link #logTail()} has it alone.
 */
public class PhaseFailedException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String sandboxId;
    private final String logTail;

    public PhaseFailedException(Phase phase, String sandboxId, String what, String logTail) {
        this(phase, sandboxId, what, logTail, null);
    }

    public PhaseFailedException(Phase phase, String sandboxId, String what, String logTail, Throwable cause) {
        super(message(phase, sandboxId, what, logTail), Objects.requireNonNull(phase, "phase"), cause);
        this.sandboxId = sandboxId;
        this.logTail = logTail == null ? "" : logTail;
    }

    private static String message(Phase phase, String sandboxId, String what, String logTail) {
        StringBuilder message = new StringBuilder(phase.label()).append(" failed");
        if (sandboxId != null) {
            message.append(" in sandbox ").append(sandboxId);
        }
        message.append(": ").append(what);
        if (logTail != null && !logTail.isBlank()) {
            message.append("\n--- last lines of the ").append(phase.label()).append(" log ---\n").append(logTail.strip());
        }
        return message.toString();
    }

    /** The sandbox the phase ran in, or {@code null} when it failed before one existed. */
    public String sandboxId() {
        return sandboxId;
    }

    /** The last lines of the phase's log (may be empty). */
    public String logTail() {
        return logTail;
    }
}
