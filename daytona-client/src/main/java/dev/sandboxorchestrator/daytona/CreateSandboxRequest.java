package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What sandbox to create: from a snapshot (by name or id) or from an image (sent as a one-line Dockerfile), with
 * name, environment, labels, publicity, region, resources (images only: the API rejects them with a snapshot),
 * the auto-stop / auto-archive / auto-delete intervals (as {@link Duration}s, sent as whole minutes, rounded up so
 * that 30 seconds does not become "disabled") and network limits. Immutable; {@link #toString()} hides environment
 * values.
 *
 * <pre>{@code
 * CreateSandboxRequest request = CreateSandboxRequest.builder()
 *         .snapshot("daytona-small").name("coffee-landing").label("app", "coffee")
 *         .autoStop(Duration.ofHours(1)).build();
 * }</pre>
 */
public final class CreateSandboxRequest {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Object> body;

    private CreateSandboxRequest(Map<String, Object> body) {
        this.body = body;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The JSON body of {@code POST /sandbox}, with {@code extraLabels} added (the create token). */
    Map<String, Object> body(String defaultTarget, Map<String, String> extraLabels) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (!copy.containsKey("target") && defaultTarget != null) {
            copy.put("target", defaultTarget);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> labels = new LinkedHashMap<>((Map<String, String>) copy.getOrDefault("labels", Map.of()));
        labels.putAll(extraLabels);
        copy.put("labels", labels);
        return copy;
    }

    /** The name asked for, or {@code null}. */
    public String name() {
        return (String) body.get("name");
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> labels() {
        return (Map<String, String>) body.getOrDefault("labels", Map.of());
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>(body);
        if (shown.get("env") instanceof Map<?, ?> env) {
            shown.put("env", env.keySet());
        }
        return "CreateSandboxRequest" + shown;
    }

    /** Whole minutes, rounded up; {@code 0} stays {@code 0}. */
    static int minutes(String field, Duration interval) {
        if (interval.isNegative()) {
            throw new InvalidInputException(field, "must not be negative: " + interval);
        }
        long seconds = interval.getSeconds() + (interval.getNano() > 0 ? 1 : 0);
        long minutes = (seconds + 59) / 60;
        if (minutes > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, "is too long: " + interval);
        }
        return (int) minutes;
    }

    /** Builds a {@link CreateSandboxRequest}; nothing is required (Daytona then uses its default snapshot). Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String image;

        private Builder() {
        }

        public Builder name(String name) {
            return put("name", name);
        }

        /** A snapshot by name or id, e.g. {@code daytona-small}. */
        public Builder snapshot(String snapshot) {
            return put("snapshot", snapshot);
        }

        /** A container image, e.g. {@code node:20-bookworm}; Daytona builds it first. */
        public Builder image(String image) {
            if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
                throw new InvalidInputException("image", "must be an image reference such as node:20-bookworm, without spaces: '" + image + "'");
            }
            this.image = image;
            return this;
        }

        public Builder user(String user) {
            return put("user", user);
        }

        public Builder env(String name, String value) {
            if (name == null || !ENV_NAME.matcher(name).matches()) {
                throw new InvalidInputException("env." + name, "is not a valid environment variable name");
            }
            env.put(name, Objects.requireNonNull(value, () -> "env." + name));
            return this;
        }

        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "label key"), Objects.requireNonNull(value, () -> "label " + key));
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** Whether the HTTP preview needs no token. */
        public Builder isPublic(boolean isPublic) {
            return put("public", isPublic);
        }

        /** The region, e.g. {@code us}; defaults to the client's {@code DAYTONA_TARGET}. */
        public Builder target(String target) {
            return put("target", target);
        }

        /** Resources for an image-based sandbox: CPUs, memory and disk in GB (0 = Daytona's default). */
        public Builder resources(int cpu, int memoryGb, int diskGb) {
            if (cpu < 0 || memoryGb < 0 || diskGb < 0) {
                throw new InvalidInputException("resources", "must not be negative");
            }
            putPositive("cpu", cpu);
            putPositive("memory", memoryGb);
            return putPositive("disk", diskGb);
        }

        /** Idle time before Daytona stops the sandbox; {@link Duration#ZERO} disables auto-stop. */
        public Builder autoStop(Duration interval) {
            return put("autoStopInterval", minutes("autoStop", interval));
        }

        /** Time stopped before Daytona archives the sandbox; {@link Duration#ZERO} means Daytona's maximum. */
        public Builder autoArchive(Duration interval) {
            return put("autoArchiveInterval", minutes("autoArchive", interval));
        }

        /** Time stopped before Daytona deletes the sandbox; {@link Duration#ZERO} deletes it as soon as it stops. */
        public Builder autoDelete(Duration interval) {
            return put("autoDeleteInterval", minutes("autoDelete", interval));
        }

        /** Never delete the sandbox automatically. */
        public Builder autoDeleteDisabled() {
            return put("autoDeleteInterval", -1);
        }

        /** Blocks all network access from the sandbox. */
        public Builder networkBlockAll(boolean block) {
            return put("networkBlockAll", block);
        }

        /** Allows only these CIDR ranges, e.g. {@code 10.0.0.0/8}. */
        public Builder networkAllowList(List<String> cidrs) {
            return put("networkAllowList", String.join(",", cidrs));
        }

        /** Allows only these domains, e.g. {@code registry.npmjs.org}. */
        public Builder domainAllowList(List<String> domains) {
            return put("domainAllowList", String.join(",", domains));
        }

        /**
         * @throws InvalidInputException when both a snapshot and an image are given, or resources with a snapshot
         */
        public CreateSandboxRequest build() {
            Map<String, Object> result = new LinkedHashMap<>(body);
            boolean hasResources = result.containsKey("cpu") || result.containsKey("memory") || result.containsKey("disk");
            if (image != null && result.containsKey("snapshot")) {
                throw new InvalidInputException("image", "give either a snapshot or an image, not both");
            }
            if (hasResources && image == null) {
                throw new InvalidInputException("resources", "Daytona sets resources only for a sandbox made from an image;"
                        + " with a snapshot, pick a larger snapshot (e.g. daytona-medium) instead");
            }
            if (image != null) {
                result.put("buildInfo", Map.of("dockerfileContent", "FROM " + image + "\n"));
            }
            result.put("env", Map.copyOf(env));
            if (!labels.isEmpty()) {
                result.put("labels", Map.copyOf(labels));
            }
            return new CreateSandboxRequest(java.util.Collections.unmodifiableMap(result));
        }

        private Builder putPositive(String field, int value) {
            return value > 0 ? put(field, value) : this;
        }

        private Builder put(String field, Object value) {
            if (value == null || value instanceof String text && text.isBlank()) {
                body.remove(field);
            } else {
                body.put(field, value);
            }
            return this;
        }
    }
}
