package dev.sandboxorchestrator.daytona.internal;

import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the daemon's combined log stream into stdout and stderr lines. A run of three {@code 0x01} bytes says
 * stdout follows, three {@code 0x02} bytes say stderr follows; text before any marker is stdout. Input arrives in
 * arbitrary chunks (WebSocket frames), so a marker or a UTF-8 character may be split across two chunks; each
 * stream keeps its unfinished line until its newline comes. Not thread-safe: one per stream. Not API.
 */
public final class StreamDemuxer {
    private static final byte STDOUT_MARK = 0x01;
    private static final byte STDERR_MARK = 0x02;
    private static final int MARK_LENGTH = 3;

    private final LogListener lines;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private SandboxEvent.Stream current = SandboxEvent.Stream.STDOUT;
    private byte pendingMark;
    private int pendingCount;

    public StreamDemuxer(LogListener lines) {
        this.lines = lines;
    }

    public void accept(byte[] chunk) {
        accept(chunk, 0, chunk.length);
    }

    public void accept(byte[] chunk, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = chunk[i];
            if (b == STDOUT_MARK || b == STDERR_MARK) {
                if (pendingCount > 0 && pendingMark != b) {
                    flushPending();
                }
                pendingMark = b;
                if (++pendingCount == MARK_LENGTH) {
                    current = b == STDOUT_MARK ? SandboxEvent.Stream.STDOUT : SandboxEvent.Stream.STDERR;
                    pendingCount = 0;
                }
            } else {
                flushPending();
                write(b);
            }
        }
    }

    /** The stream ended: emits what is left of unfinished lines. */
    public void finish() {
        flushPending();
        if (stdout.size() > 0) {
            emit(SandboxEvent.Stream.STDOUT, stdout);
        }
        if (stderr.size() > 0) {
            emit(SandboxEvent.Stream.STDERR, stderr);
        }
    }

    /** Splits a whole log text (markers included or not) into lines, as a stream would. */
    public static void split(String text, LogListener lines) {
        StreamDemuxer demuxer = new StreamDemuxer(lines);
        demuxer.accept(text.getBytes(StandardCharsets.UTF_8));
        demuxer.finish();
    }

    /** A marker byte run shorter than a marker is data after all. */
    private void flushPending() {
        for (; pendingCount > 0; pendingCount--) {
            write(pendingMark);
        }
    }

    private void write(byte b) {
        ByteArrayOutputStream buffer = current == SandboxEvent.Stream.STDOUT ? stdout : stderr;
        if (b == '\n') {
            emit(current, buffer);
        } else {
            buffer.write(b);
        }
    }

    private void emit(SandboxEvent.Stream stream, ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lines.onLine(stream, line);
    }
}
