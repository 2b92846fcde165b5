package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.LogTail;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.util.EnumMap;
import java.util.Map;

/**
 * Collects a command's output lines as they arrive (from the live stream or from polled logs), passes each on to
 * a listener exactly once, and keeps the last {@value #MAX_CHARS} characters for results and error messages.
 * Thread-safe.
 */
final class CommandOutput implements LogListener {
    static final int MAX_CHARS = 512 * 1024;

    private final LogListener listener;
    private final StringBuilder text = new StringBuilder();
    private final Map<SandboxEvent.Stream, Integer> lines = new EnumMap<>(SandboxEvent.Stream.class);

    CommandOutput(LogListener listener) {
        this.listener = listener;
    }

    @Override
    public void onLine(SandboxEvent.Stream stream, String line) {
        synchronized (this) {
            lines.merge(stream, 1, Integer::sum);
            text.append(line).append('\n');
            if (text.length() > 2 * MAX_CHARS) {
                text.delete(0, text.length() - MAX_CHARS);
            }
        }
        listener.onLine(stream, line);
    }

    /**
     * Passes on the lines of polled logs that were not passed on yet: the first lines of each stream already came
     * from the live stream, the rest are new.
     */
    void catchUp(CommandLogs logs, boolean finished) {
        catchUp(SandboxEvent.Stream.STDOUT, logs.stdout(), finished);
        catchUp(SandboxEvent.Stream.STDERR, logs.stderr(), finished);
    }

    private void catchUp(SandboxEvent.Stream stream, String all, boolean finished) {
        String[] split = all.split("\n", -1);
        // The last element is an unfinished line (or "" after a final newline): only a finished command's counts.
        int complete = finished && !split[split.length - 1].isEmpty() ? split.length : split.length - 1;
        int seen;
        synchronized (this) {
            seen = lines.getOrDefault(stream, 0);
        }
        for (int i = seen; i < complete; i++) {
            onLine(stream, split[i].endsWith("\r") ? split[i].substring(0, split[i].length() - 1) : split[i]);
        }
    }

    synchronized String text() {
        return text.length() > MAX_CHARS ? text.substring(text.length() - MAX_CHARS) : text.toString();
    }

    String tail() {
        return LogTail.of(text(), LogTail.DEFAULT_LINES);
    }
}
