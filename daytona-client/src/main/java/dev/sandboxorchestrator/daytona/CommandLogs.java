package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.daytona.internal.StreamDemuxer;
import java.util.Objects;

/**
 * A session command's output so far: stdout and stderr apart, and both combined in the order printed.
 *
 * <pre>{@code
 * String errors = toolbox.logs("build", id).stderr();
 * }</pre>
 *
 * @param stdout   standard output
 * @param stderr   standard error
 * @param combined both, in the order printed (without the daemon's stream markers)
 */
public record CommandLogs(String stdout, String stderr, String combined) {
    public CommandLogs {
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
        combined = Objects.requireNonNullElse(combined, "");
    }

    /** Logs from the daemon's raw stream text, markers included or not. */
    static CommandLogs fromStream(String raw) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        StringBuilder all = new StringBuilder();
        StreamDemuxer.split(raw, (stream, line) -> {
            (stream == dev.sandboxorchestrator.core.SandboxEvent.Stream.STDOUT ? out : err).append(line).append('\n');
            all.append(line).append('\n');
        });
        return new CommandLogs(out.toString(), err.toString(), all.toString());
    }
}
