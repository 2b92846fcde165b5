package dev.sandboxorchestrator.core;

/** No sandbox with the given id exists (or it belongs to someone else). */
public class SandboxNotFoundException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String sandboxId;

    public SandboxNotFoundException(String sandboxId) {
        super("No sandbox with id " + sandboxId);
        this.sandboxId = sandboxId;
    }

    public String sandboxId() {
        return sandboxId;
    }
}
