package dev.sandboxorchestrator.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What sandbox to create: its name, description, labels, environment, how long it may sit idle before it
 * is stopped, optional build and start scripts that replace the project's own (the guide's
 * {@code buildScript} / {@code startScript}), resource hints and the image or snapshot to start from.
 *
 * <pre>{@code
 * SandboxSpec spec = SandboxSpec.builder("coffee-landing")
 *         .label("owner", "alice")
 *         .autoStop(Duration.ofHours(2))
 *         .build();
 * }</pre>
 */
public record SandboxSpec(String name, String description, Map<String, String> labels, Map<String, String> environment,
        Duration autoStop, String buildScript, String startScript, Resources resources, String image) {

    /** The guide's default: a preview stops after one idle hour. */
    public static final Duration DEFAULT_AUTO_STOP = Duration.ofHours(1);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SandboxSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit: '" + name + "'");
        }
        description = description == null ? "" : description;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        for (String variable : environment.keySet()) {
            if (!ENV_NAME.matcher(variable).matches()) {
                throw new InvalidInputException("environment." + variable, "is not a valid environment variable name");
            }
        }
        autoStop = autoStop == null ? DEFAULT_AUTO_STOP : autoStop;
        if (autoStop.isNegative()) {
            throw new InvalidInputException("autoStop", "must not be negative");
        }
        buildScript = blankToNull(buildScript);
        startScript = blankToNull(startScript);
        resources = resources == null ? Resources.DEFAULT : resources;
        image = blankToNull(image);
    }

    /** A spec with this name and every other setting at its default. */
    public static SandboxSpec named(String name) {
        return builder(name).build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        return new Builder(name).description(description).labels(labels).environment(environment).autoStop(autoStop)
                .buildScript(buildScript).startScript(startScript).resources(resources).image(image);
    }

    /** A copy with one more label. */
    public SandboxSpec withLabel(String key, String value) {
        return toBuilder().label(key, value).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Builds a {@link SandboxSpec}; only the name is required. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String description;
        private final java.util.LinkedHashMap<String, String> labels = new java.util.LinkedHashMap<>();
        private final java.util.LinkedHashMap<String, String> environment = new java.util.LinkedHashMap<>();
        private Duration autoStop = DEFAULT_AUTO_STOP;
        private String buildScript;
        private String startScript;
        private Resources resources = Resources.DEFAULT;
        private String image;

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels.putAll(labels);
            return this;
        }

        public Builder env(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        /** Idle time after which the sandbox is stopped; {@link Duration#ZERO} disables auto-stop. */
        public Builder autoStop(Duration autoStop) {
            this.autoStop = autoStop;
            return this;
        }

        /** A shell command that replaces the project's build command. */
        public Builder buildScript(String buildScript) {
            this.buildScript = buildScript;
            return this;
        }

        /** A shell command that replaces the project's start command; it must listen on {@code $PORT}. */
        public Builder startScript(String startScript) {
            this.startScript = startScript;
            return this;
        }

        public Builder resources(Resources resources) {
            this.resources = resources;
            return this;
        }

        /** The image or snapshot to start from (provider-specific; the local provider ignores it). */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public SandboxSpec build() {
            return new SandboxSpec(name, description, labels, environment, autoStop, buildScript, startScript, resources, image);
        }
    }
}
