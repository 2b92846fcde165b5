package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.LogTail;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands in a sandbox's sessions: asynchronously, with the output followed live over the WebSocket and
 * passed on line by line, then the exit code read once the stream ends. When the live stream cannot be opened
 * or breaks, it polls the command's logs and status instead (and says so in the log). A command that outlives
 * its timeout is killed by deleting its session. Thread-safe.
 */
final class SessionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    /** How long the exit code may lag behind the end of the log stream. */
    static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(30);

    private final Poller poller;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    SessionRunner(Poller poller) {
        this.poller = poller;
    }

    /** Runs {@code commandLine} to completion in {@code session}, streaming its lines to {@code logs}. */
    ExecResult run(Toolbox toolbox, String session, String commandLine, String display, Duration timeout, LogListener logs) {
        long start = System.nanoTime();
        CommandOutput output = new CommandOutput(logs);
        String commandId = launch(toolbox, session, commandLine, false);
        String what = "'" + display + "' to finish in sandbox " + toolbox.sandboxId();
        int exitCode;
        try (LogFollow follow = toolbox.followLogs(session, commandId, output)) {
            follow.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            exitCode = exitCode(toolbox, session, commandId, what);
        } catch (ServiceException | ExecutionException streamFailed) {
            LOG.warn("Live logs of '{}' in sandbox {} are not available ({}); polling them instead", display, toolbox.sandboxId(),
                    streamFailed.getMessage());
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            exitCode = poll(toolbox, session, commandId, output, what, left.isNegative() ? Duration.ZERO : left);
        } catch (TimeoutException e) {
            kill(toolbox, session);
            throw new SandboxTimeoutException(null, what, timeout, output.tail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(toolbox, session);
            throw new SandboxOrchestratorException("Interrupted while waiting for " + what, e);
        }
        return new ExecResult(exitCode, output.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Starts {@code commandLine} in a fresh {@code session} (killing what ran there) and follows it in the background. */
    AppProcess start(Toolbox toolbox, String session, String commandLine, String display, LogListener logs) {
        CommandOutput output = new CommandOutput(logs);
        String commandId = launch(toolbox, session, commandLine, true);
        LogFollow follow;
        try {
            follow = toolbox.followLogs(session, commandId, output);
        } catch (ServiceException e) {
            LOG.warn("Live logs of '{}' in sandbox {} are not available ({}); its exit is polled instead", display,
                    toolbox.sandboxId(), e.getMessage());
            follow = null;
        }
        return new AppProcess(toolbox, session, commandId, follow, output);
    }

    /** Forgets what is known about the sandbox's sessions (it stopped, so they are gone). */
    void forget(String sandboxId) {
        sessions.removeIf(key -> key.startsWith(sandboxId + "/"));
    }

    private String launch(Toolbox toolbox, String session, String commandLine, boolean fresh) {
        String key = toolbox.sandboxId() + "/" + session;
        if (fresh || !sessions.contains(key)) {
            if (!toolbox.createSession(session) && fresh) {
                toolbox.deleteSession(session);
                toolbox.createSession(session);
            }
            sessions.add(key);
        }
        try {
            return toolbox.executeAsync(session, commandLine);
        } catch (ServiceException e) {
            if (e.status() != 404) {
                throw e;
            }
            // The session vanished (the sandbox restarted): make it again, once.
            toolbox.createSession(session);
            return toolbox.executeAsync(session, commandLine);
        }
    }

    private int exitCode(Toolbox toolbox, String session, String commandId, String what) {
        return poller.until(null, "the exit code of " + what, EXIT_CODE_WAIT,
                () -> box(toolbox.command(session, commandId).exitCode()), null);
    }

    private int poll(Toolbox toolbox, String session, String commandId, CommandOutput output, String what, Duration timeout) {
        try {
            int exit = poller.until(null, what, timeout, () -> {
                Optional<Integer> code = box(toolbox.command(session, commandId).exitCode());
                output.catchUp(toolbox.logs(session, commandId), false);
                return code;
            }, output::tail);
            output.catchUp(toolbox.logs(session, commandId), true);
            return exit;
        } catch (SandboxTimeoutException e) {
            kill(toolbox, session);
            throw e;
        }
    }

    private void kill(Toolbox toolbox, String session) {
        sessions.remove(toolbox.sandboxId() + "/" + session);
        try {
            toolbox.deleteSession(session);
        } catch (RuntimeException e) {
            LOG.warn("Could not kill session {} of sandbox {}: {}", session, toolbox.sandboxId(), e.getMessage());
        }
    }

    private static Optional<Integer> box(OptionalInt value) {
        return value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty();
    }

    /** The app started in the background: alive while its log stream is open (or, without one, while it has no exit code). */
    static final class AppProcess implements BackgroundProcess, AutoCloseable {
        private static final long STATUS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

        private final Toolbox toolbox;
        private final String session;
        private final String commandId;
        private final LogFollow follow;
        private final CommandOutput output;
        private volatile Integer exitCode;
        private volatile long lastStatus = System.nanoTime() - STATUS_EVERY_NANOS;

        AppProcess(Toolbox toolbox, String session, String commandId, LogFollow follow, CommandOutput output) {
            this.toolbox = toolbox;
            this.session = session;
            this.commandId = commandId;
            this.follow = follow;
            this.output = output;
        }

        @Override
        public boolean isAlive() {
            if (exitCode != null) {
                return false;
            }
            if (follow != null && !follow.done().isDone()) {
                return true;
            }
            // No live stream (or it ended): ask for the exit code, at most once a second.
            if (System.nanoTime() - lastStatus < STATUS_EVERY_NANOS) {
                return true;
            }
            lastStatus = System.nanoTime();
            OptionalInt code = toolbox.command(session, commandId).exitCode();
            if (code.isPresent()) {
                exitCode = code.getAsInt();
            }
            return exitCode == null;
        }

        @Override
        public Optional<Integer> exitCode() {
            return Optional.ofNullable(exitCode);
        }

        @Override
        public String logTail() {
            return LogTail.of(output.text(), LogTail.DEFAULT_LINES);
        }

        /** Stops following the app's output; the app keeps running. */
        @Override
        public void close() {
            if (follow != null) {
                follow.close();
            }
        }
    }
}
