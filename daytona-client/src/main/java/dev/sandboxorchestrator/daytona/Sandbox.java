package dev.sandboxorchestrator.daytona;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Daytona sandbox as the API last described it. Fields the list endpoint does not return (environment) are
 * empty there. Intervals are converted from the API's minutes; an interval the API did not report is
 * {@code null}. Timestamps are kept as the API's text (the spec gives them no format). {@link #toString()} shows
 * the names of environment variables, never their values.
 *
 * @param id              the sandbox id
 * @param name            its name (unique in the organization)
 * @param organizationId  the organization that owns it
 * @param state           its state
 * @param errorReason     why it is in an error state, or {@code null}
 * @param snapshot        the snapshot it was made from, or {@code null}
 * @param target          its region
 * @param labels          its labels
 * @param environment     its environment variables (empty when listed)
 * @param isPublic        whether its preview needs no token
 * @param cpu             virtual CPUs
 * @param memoryGb        memory in GB
 * @param diskGb          disk in GB
 * @param autoStop        idle time before Daytona stops it ({@link Duration#ZERO}: never)
 * @param autoArchive     time stopped before Daytona archives it
 * @param autoDelete      time stopped before Daytona deletes it (negative: never)
 * @param createdAt       when it was created, as the API wrote it
 * @param toolboxProxyUrl the base of its toolbox API, without the sandbox id
 */
public record Sandbox(String id, String name, String organizationId, SandboxState state, String errorReason, String snapshot,
        String target, Map<String, String> labels, Map<String, String> environment, boolean isPublic, double cpu,
        double memoryGb, double diskGb, Duration autoStop, Duration autoArchive, Duration autoDelete, String createdAt,
        String toolboxProxyUrl) {

    public Sandbox {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        state = state == null ? SandboxState.UNKNOWN : state;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        toolboxProxyUrl = toolboxProxyUrl == null ? "" : toolboxProxyUrl;
    }

    public Optional<String> error() {
        return Optional.ofNullable(errorReason).filter(reason -> !reason.isBlank());
    }

    @Override
    public String toString() {
        return "Sandbox[id=" + id + ", name=" + name + ", state=" + state.wireValue()
                + (errorReason == null ? "" : ", errorReason=" + errorReason) + ", snapshot=" + snapshot + ", target=" + target
                + ", public=" + isPublic + ", labels=" + labels + ", environment=" + environment.keySet()
                + ", autoStop=" + autoStop + ", createdAt=" + createdAt + "]";
    }
}
