package dev.sandboxorchestrator.core;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Emits events for one operation and times its phases. Package-private; one per run, not shared. */
final class Events {
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);

    private final java.util.List<SandboxListener> listeners;
    private final Clock clock;
    private final Map<Phase, Duration> timings = new EnumMap<>(Phase.class);

    Events(java.util.List<SandboxListener> listeners, Clock clock) {
        this.listeners = java.util.List.copyOf(listeners);
        this.clock = clock;
    }

    /** Delivers to every listener; one that throws is logged and does not keep the event from the others. */
    void emit(SandboxEvent event) {
        for (SandboxListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A listener threw on {}; the pipeline goes on", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** A listener that forwards to this run's listeners, for plug-ins. */
    SandboxListener asListener() {
        return this::emit;
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** Runs {@code step} as {@code phase}: started/completed events and its duration recorded (added up if repeated). */
    <T> T phase(Phase phase, String detail, java.util.function.Supplier<T> step) {
        emit(new SandboxEvent.PhaseStarted(phase, detail, now()));
        long start = System.nanoTime();
        T result = step.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        timings.merge(phase, took, Duration::plus);
        emit(new SandboxEvent.PhaseCompleted(phase, took, now()));
        return result;
    }

    void run(Phase phase, String detail, Runnable step) {
        phase(phase, detail, () -> {
            step.run();
            return null;
        });
    }

    void progress(Phase phase, String message) {
        emit(new SandboxEvent.Progress(phase, message, now()));
    }

    dev.sandboxorchestrator.core.spi.LogListener logs(Phase phase) {
        return (stream, line) -> emit(new SandboxEvent.LogLine(phase, stream, line, now()));
    }

    Map<Phase, Duration> timings() {
        return timings;
    }
}
