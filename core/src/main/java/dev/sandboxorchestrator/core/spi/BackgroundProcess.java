package dev.sandboxorchestrator.core.spi;

import java.util.Optional;

/** A command a provider started in the background inside a sandbox (the app's server). */
public interface BackgroundProcess {
    /** Whether it is still running. */
    boolean isAlive();

    /** Its exit code when it has ended. */
    Optional<Integer> exitCode();

    /** The last lines it printed, for error messages. */
    String logTail();
}
