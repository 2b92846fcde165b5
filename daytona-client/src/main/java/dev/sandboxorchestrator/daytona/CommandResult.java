package dev.sandboxorchestrator.daytona;

import java.util.Objects;

/**
 * The outcome of {@link Toolbox#execute}: the exit code ({@code -1} when the daemon could not start the command)
 * and stdout and stderr combined, as the daemon returns them.
 *
 * <pre>{@code
 * CommandResult result = toolbox.execute("node -v", null, Map.of(), Duration.ofSeconds(30));
 * }</pre>
 *
 * @param exitCode the exit code
 * @param output   stdout and stderr combined
 */
public record CommandResult(int exitCode, String output) {
    public CommandResult {
        output = Objects.requireNonNullElse(output, "");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
