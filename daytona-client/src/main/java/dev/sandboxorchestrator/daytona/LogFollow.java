package dev.sandboxorchestrator.daytona;

import java.util.concurrent.CompletableFuture;

/**
 * A live view of a session command's log, opened by {@link Toolbox#followLogs}: lines arrive at the listener
 * given there as the command prints them. {@link #done()} completes when Daytona closes the stream because the
 * command ended, completes exceptionally when the connection broke, and is cancelled by {@link #close()}.
 * Thread-safe; the caller closes it (closing stops following, not the command).
 *
 * <pre>{@code
 * try (LogFollow follow = toolbox.followLogs("build", commandId, (stream, line) -> System.out.println(line))) {
 *     follow.done().get(10, TimeUnit.MINUTES);
 * }
 * }</pre>
 */
public interface LogFollow extends AutoCloseable {
    /** Completes when the command's output ends. */
    CompletableFuture<Void> done();

    /** Stops following; idempotent. */
    @Override
    void close();
}
