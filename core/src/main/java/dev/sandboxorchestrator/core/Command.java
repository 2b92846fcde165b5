package dev.sandboxorchestrator.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command to run inside a sandbox, as an argument vector, with extra environment variables and a timeout.
 * Relative to the project directory.
 *
 *  * <pre>{@code
 * Command build = Command.shell("npm run build").withTimeout(Duration.ofMinutes(5));
 * }</pre>
 */
public record Command(List<String> argv, Map<String, String> environment, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public Command {
        argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), Map.of(), null);
    }

    /** A command line run by {@code sh -c}, as the guide's build and start scripts are. */
    public static Command shell(String commandLine) {
        return new Command(List.of("sh", "-c", Objects.requireNonNull(commandLine, "commandLine")), Map.of(), null);
    }

    public Command withTimeout(Duration newTimeout) {
        return new Command(argv, environment, newTimeout);
    }

    public Command withEnvironment(Map<String, String> newEnvironment) {
        return new Command(argv, newEnvironment, timeout);
    }

    /** The command as one line for messages and logs: a shell command shows its script. */
    public String display() {
        if (argv.size() == 3 && argv.get(0).equals("sh") && argv.get(1).equals("-c")) {
            return argv.get(2);
        }
        return String.join(" ", argv);
    }
}
