package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** What a command runs with: output streams, the environment, and the way parts are chosen. */
record Context(PrintStream out, PrintStream err, Map<String, String> env, Setup setup) {

    /** Prints progress: each phase as it starts and ends; log lines too when verbose. */
    SandboxListener progress(boolean verbose) {
        return event -> {
            if (event instanceof SandboxEvent.PhaseStarted started) {
                err.println("▸ " + started.phase().label() + (started.detail().isEmpty() ? "" : ": " + started.detail()));
            } else if (event instanceof SandboxEvent.PhaseCompleted completed && completed.phase() != Phase.VALIDATE) {
                err.println("  ✓ " + completed.phase().label() + " " + seconds(completed.took()));
            } else if (event instanceof SandboxEvent.Progress progress) {
                err.println("  · " + progress.message());
            } else if (event instanceof SandboxEvent.SandboxCreated created) {
                err.println("  · sandbox " + created.sandboxId());
            } else if (event instanceof SandboxEvent.LogLine line && verbose) {
                err.println("    " + line.line());
            }
        };
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "(%.1f s)", duration.toMillis() / 1000.0);
    }
}
