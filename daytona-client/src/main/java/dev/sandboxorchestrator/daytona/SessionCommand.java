package dev.sandboxorchestrator.daytona;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A command run in a session, as {@link Toolbox#command} reports it: no exit code while it runs.
 *
 * <pre>{@code
 * boolean finished = toolbox.command("build", id).exitCode().isPresent();
 * }</pre>
 *
 * @param id       the command id
 * @param command  the command line
 * @param exitCode its exit code once it has ended
 */
public record SessionCommand(String id, String command, OptionalInt exitCode) {
    public SessionCommand {
        Objects.requireNonNull(id, "id");
        command = Objects.requireNonNullElse(command, "");
        exitCode = Objects.requireNonNullElse(exitCode, OptionalInt.empty());
    }

    public boolean isRunning() {
        return exitCode.isEmpty();
    }
}
