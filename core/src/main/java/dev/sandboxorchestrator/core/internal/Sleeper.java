package dev.sandboxorchestrator.core.internal;

import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import java.time.Duration;

/** Waits. Tests replace it so that no test sleeps for real. Not API. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxOrchestratorException("Interrupted while waiting", e);
        }
    };

    void sleep(Duration duration);
}
