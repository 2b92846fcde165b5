package dev.sandboxorchestrator.core;

/**
 * No sandbox service can serve: the chosen provider is not configured (for example {@code DAYTONA_API_KEY} is
 * not set) or it cannot run here. The message says how to configure it.
 */
public class ServiceUnavailableException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super("Sandbox service not available: " + message);
    }
}
