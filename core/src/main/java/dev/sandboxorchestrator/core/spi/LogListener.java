package dev.sandboxorchestrator.core.spi;

import dev.sandboxorchestrator.core.SandboxEvent;

/** Receives the lines a command prints, as they are printed. Must be thread-safe. */
@FunctionalInterface
public interface LogListener {
    LogListener NONE = (stream, line) -> { };

    void onLine(SandboxEvent.Stream stream, String line);
}
