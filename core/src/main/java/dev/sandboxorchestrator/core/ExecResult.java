package dev.sandboxorchestrator.core;

import java.time.Duration;

/**
 * The outcome of a command run to completion in a sandbox: its exit code, its combined output (possibly
 * only the tail, for long outputs) and how long it ran.
 */
public record ExecResult(int exitCode, String output, Duration duration) {
    public ExecResult {
        output = output == null ? "" : output;
        duration = duration == null ? Duration.ZERO : duration;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last {@code lines} lines of the output. */
    public String tail(int lines) {
        return LogTail.of(output, lines);
    }
}
