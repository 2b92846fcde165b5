package dev.sandboxorchestrator.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A sandbox as a provider sees it now.
 *
 * @param id        the provider's id for it
 * @param name      its name
 * @param status    where it is in its life
 * @param labels    the labels it was created with
 * @param createdAt when it was created
 * @param provider  the name of the provider that runs it (e.g. {@code local}, {@code daytona})
 */
public record SandboxInfo(String id, String name, SandboxStatus status, Map<String, String> labels, Instant createdAt,
        String provider) {
    public SandboxInfo {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        Objects.requireNonNull(status, "status");
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(provider, "provider");
    }

    /** Whether this sandbox carries every given label with the given value. */
    public boolean matches(Map<String, String> filter) {
        return filter.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
