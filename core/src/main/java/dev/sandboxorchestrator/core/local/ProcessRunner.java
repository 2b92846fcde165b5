package dev.sandboxorchestrator.core.local;

import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;

/** Reads a process's output line by line into a listener, a log file and a bounded tail. */
final class ProcessRunner {
    private static final int TAIL_CHARS = 512 * 1024;

    private ProcessRunner() {
    }

    /** The last output of a process, bounded, shared by its reader threads. */
    static final class Tail {
        private final Deque<String> lines = new ArrayDeque<>();
        private int chars;

        synchronized void add(String line) {
            lines.addLast(line);
            chars += line.length() + 1;
            while (chars > TAIL_CHARS && lines.size() > 1) {
                chars -= lines.removeFirst().length() + 1;
            }
        }

        synchronized String text() {
            return String.join("\n", lines);
        }
    }

    /** Starts threads that copy both streams; returns a latch-like handle to wait for their end. */
    static java.util.concurrent.CountDownLatch pipe(Process process, LogListener listener, Writer log, Tail tail, ExecutorService threads) {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(2);
        threads.execute(() -> copy(process.getInputStream(), SandboxEvent.Stream.STDOUT, listener, log, tail, done));
        threads.execute(() -> copy(process.getErrorStream(), SandboxEvent.Stream.STDERR, listener, log, tail, done));
        return done;
    }

    private static void copy(InputStream stream, SandboxEvent.Stream kind, LogListener listener, Writer log, Tail tail,
            java.util.concurrent.CountDownLatch done) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                tail.add(line);
                synchronized (log) {
                    log.write(line);
                    log.write('\n');
                    log.flush();
                }
                listener.onLine(kind, line);
            }
        } catch (IOException e) {
            // the process ended and its pipe closed; what was read is kept
        } finally {
            done.countDown();
        }
    }

    /** Kills a process and everything it started: politely, then after {@code grace}, forcibly. */
    static void killTree(ProcessHandle root, Duration grace) {
        java.util.List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
        all.add(root);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                try {
                    handle.onExit().get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (ProcessHandle handle : all) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        }
    }
}
