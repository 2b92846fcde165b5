package dev.sandboxorchestrator.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A failed build: the errors it reported, parsed from the build's output, and the tail of that output.
 * {@link #fingerprint()} is the same when the same errors come back, so a repair loop can stop.
 */
public record BuildFailure(List<Diagnostic> diagnostics, String logTail) {
    public BuildFailure {
        diagnostics = List.copyOf(diagnostics == null ? List.of() : diagnostics);
        logTail = logTail == null ? "" : logTail;
    }

    /** One line: the first diagnostic, or the last line of the log. */
    public String summary() {
        if (!diagnostics.isEmpty()) {
            String first = diagnostics.get(0).toString();
            return diagnostics.size() == 1 ? first : first + " (and " + (diagnostics.size() - 1) + " more)";
        }
        String last = LogTail.of(logTail, 1).strip();
        return last.isEmpty() ? "the build exited with an error" : last;
    }

    /** Identifies the errors regardless of timing noise in the log. */
    public String fingerprint() {
        if (diagnostics.isEmpty()) {
            return logTail.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("error"))
                    .map(String::strip).collect(Collectors.joining("\n"));
        }
        return diagnostics.stream().map(Diagnostic::toString).sorted().collect(Collectors.joining("\n"));
    }
}
