package dev.sandboxorchestrator.daytona;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which sandboxes {@link Sandboxes#list} returns: those carrying all the given labels and, when states are given,
 * in one of them; fetched {@code pageSize} at a time (1 to 200).
 *
 * <pre>{@code
 * SandboxQuery query = SandboxQuery.labels(Map.of("app", "coffee")).withStates(SandboxState.STARTED);
 * }</pre>
 *
 * @param labels   labels every result carries
 * @param states   states to keep (empty: all)
 * @param pageSize items per page
 */
public record SandboxQuery(Map<String, String> labels, Set<SandboxState> states, int pageSize) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 200;

    /** Every sandbox of the organization. */
    public static final SandboxQuery ALL = new SandboxQuery(Map.of(), Set.of(), DEFAULT_PAGE_SIZE);

    public SandboxQuery {
        labels = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")));
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static SandboxQuery labels(Map<String, String> labels) {
        return new SandboxQuery(labels, Set.of(), DEFAULT_PAGE_SIZE);
    }

    public SandboxQuery withStates(SandboxState... wanted) {
        return new SandboxQuery(labels, Set.of(wanted), pageSize);
    }

    public SandboxQuery withPageSize(int size) {
        return new SandboxQuery(labels, states, size);
    }
}
