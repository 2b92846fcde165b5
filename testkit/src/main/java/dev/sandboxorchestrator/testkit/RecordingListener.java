package dev.sandboxorchestrator.testkit;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it receives, for assertions. Thread-safe. */
public final class RecordingListener implements SandboxListener {
    private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SandboxEvent event) {
        events.add(event);
    }

    public List<SandboxEvent> events() {
        return List.copyOf(events);
    }

    public <T extends SandboxEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The phases that started, in order. */
    public List<Phase> startedPhases() {
        return events(SandboxEvent.PhaseStarted.class).stream().map(SandboxEvent.PhaseStarted::phase).toList();
    }
}
