package dev.sandboxorchestrator.generator.claude.internal;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a stream that has been silent for longer than allowed, so that a read blocked on a stalled server
 * returns. The JDK's request timeout covers only the wait for the response headers of a streamed response.
 * Uses the JDK's shared delay scheduler, so there is nothing to shut down. One per stream. Not API.
 */
final class IdleWatchdog implements AutoCloseable {
    private final long idleNanos;
    private final Closeable target;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean closed;
    private volatile boolean fired;

    IdleWatchdog(Duration idle, Closeable target) {
        this.idleNanos = idle.toNanos();
        this.target = target;
        schedule(idleNanos);
    }

    /** {@code in}, counting every read as activity. */
    InputStream watch(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                lastActivity = System.nanoTime();
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                lastActivity = System.nanoTime();
                return n;
            }
        };
    }

    /** Whether the stream was closed for being silent too long. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void schedule(long delayNanos) {
        CompletableFuture.delayedExecutor(Math.max(delayNanos, 1), TimeUnit.NANOSECONDS).execute(this::check);
    }

    private void check() {
        if (closed) {
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (silent < idleNanos) {
            schedule(idleNanos - silent);
            return;
        }
        fired = true;
        try {
            target.close();
        } catch (IOException | RuntimeException ignored) {
            // the reader fails on its own once the stream is gone; nothing more to do here
        }
    }
}
