package dev.sandboxorchestrator.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress of the pipeline, delivered to {@link SandboxListener}s as it happens: this stream is what a web
 * page shows while a preview is being made. Every event has the time it happened.
 */
public sealed interface SandboxEvent {
    Instant at();

    /** Which output stream a log line came from. */
    enum Stream { STDOUT, STDERR }

    /** A phase began; {@code detail} says what runs (e.g. the command). */
    record PhaseStarted(Phase phase, String detail, Instant at) implements SandboxEvent {
        public PhaseStarted {
            Objects.requireNonNull(phase, "phase");
            detail = detail == null ? "" : detail;
        }
    }

    /** A phase finished successfully after {@code took}. */
    record PhaseCompleted(Phase phase, Duration took, Instant at) implements SandboxEvent {
    }

    /** One line a command printed during a phase. */
    record LogLine(Phase phase, Stream stream, String line, Instant at) implements SandboxEvent {
    }

    /** A file was written into the sandbox. */
    record FileWritten(String path, long bytes, Instant at) implements SandboxEvent {
    }

    /** A step inside a phase: a generated file began or finished arriving, a repair attempt started, a cache hit. */
    record Progress(Phase phase, String message, Instant at) implements SandboxEvent {
    }

    /** A model call finished and spent these tokens. */
    record UsageReported(TokenUsage usage, Instant at) implements SandboxEvent {
    }

    /** The sandbox now exists. */
    record SandboxCreated(String sandboxId, String name, Instant at) implements SandboxEvent {
    }

    /** The preview answers; the pipeline is done. */
    record Ready(Preview preview, Instant at) implements SandboxEvent {
    }

    /** A phase failed; the pipeline stops with {@code message}. */
    record Failed(Phase phase, String message, Instant at) implements SandboxEvent {
    }
}
