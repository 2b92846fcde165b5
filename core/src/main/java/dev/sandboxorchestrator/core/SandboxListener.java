package dev.sandboxorchestrator.core;

/**
 * Receives {@link SandboxEvent}s. Called on the thread doing the work, so it should return quickly; an
 * exception it throws is logged and does not stop the pipeline. Must be thread-safe when one listener is
 * shared by concurrent operations.
 */
@FunctionalInterface
public interface SandboxListener {
    /** Ignores every event. */
    SandboxListener NONE = event -> { };

    void onEvent(SandboxEvent event);
}
