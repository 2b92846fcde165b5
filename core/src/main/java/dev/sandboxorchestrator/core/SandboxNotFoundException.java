package dev.sandboxorchestrator.core;

/** No sandbox with the given id exists (or it belongs to someone else). */
public class SandboxNotFoundException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String sandboxId;

    public SandboxNotFoundException(String sandboxId) {
        this(sandboxId, null);
    }

    public SandboxNotFoundException(String sandboxId, Throwable cause) {
        super("No sandbox with id " + sandboxId, cause);
        this.sandboxId = sandboxId;
    }

    public String sandboxId() {
        return sandboxId;
    }
}
