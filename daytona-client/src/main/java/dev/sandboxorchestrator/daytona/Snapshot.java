package dev.sandboxorchestrator.daytona;

import java.util.Objects;

/**
 * A Daytona snapshot: a prepared image sandboxes start from.
 *
 * <pre>{@code
 * boolean usable = client.snapshots().find("my-deps").map(Snapshot::isActive).orElse(false);
 * }</pre>
 *
 * @param id          its id
 * @param name        its name
 * @param state       its state as the API spells it ({@code building}, {@code active}, {@code error}, ...)
 * @param errorReason why it failed, or {@code null}
 */
public record Snapshot(String id, String name, String state, String errorReason) {
    public Snapshot {
        Objects.requireNonNull(name, "name");
        state = Objects.requireNonNullElse(state, "unknown");
    }

    /** Whether sandboxes can be created from it now. */
    public boolean isActive() {
        return state.equals("active");
    }

    /** Whether building it failed. */
    public boolean isFailed() {
        return state.equals("error") || state.equals("build_failed");
    }
}
