package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.daytona.internal.Shell;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a {@link DaytonaSandboxProvider} makes and drives sandboxes, and the mapping between the orchestrator's
 * terms and Daytona's (labels, statuses, paths, command lines).
 */
record ProviderSettings(String snapshot, String projectDir, int previewPort, boolean publicPreview, Duration signedPreviewTtl,
        Duration startTimeout, Duration stopTimeout, Duration lease, String owner, Duration touchEvery,
        boolean dependencySnapshots, String dependencyBaseImage, Optional<Duration> autoArchive) {

    public static final String DEFAULT_SNAPSHOT = "daytona-small";
    public static final String DEFAULT_PROJECT_DIR = "/home/daytona/app";
    public static final int DEFAULT_PREVIEW_PORT = 3000;
    public static final Duration DEFAULT_SIGNED_PREVIEW_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofMinutes(1);
    public static final Duration DEFAULT_LEASE = Duration.ofDays(7);
    public static final Duration DEFAULT_TOUCH_EVERY = Duration.ofSeconds(30);
    public static final String DEFAULT_DEPENDENCY_IMAGE = "daytonaio/sandbox:0.8.0";

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The spec's labels plus the provider's: managed, owner (unless given), lease. */
    static Map<String, String> labels(SandboxSpec spec, ProviderSettings settings, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(DaytonaSandboxProvider.LABEL_MANAGED, "true");
        labels.putIfAbsent(SandboxOrchestrator.LABEL_OWNER, settings.owner());
        labels.putIfAbsent(SandboxOrchestrator.LABEL_APP, spec.name());
        labels.put(DaytonaSandboxProvider.LABEL_LEASE, String.valueOf(now.plus(settings.lease()).getEpochSecond()));
        return labels;
    }

    /** When the sandbox's lease ends, if it has a readable one. */
    static Optional<Instant> leaseUntil(Sandbox sandbox) {
        try {
            return Optional.ofNullable(sandbox.labels().get(DaytonaSandboxProvider.LABEL_LEASE)).map(String::strip).map(Long::parseLong)
                    .map(Instant::ofEpochSecond);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static SandboxInfo info(Sandbox sandbox) {
        return new SandboxInfo(sandbox.id(), sandbox.name(), status(sandbox.state()), sandbox.labels(), instant(sandbox.createdAt()),
                DaytonaSandboxProvider.NAME);
    }

    static SandboxStatus status(SandboxState state) {
        return switch (state) {
            case STARTED -> SandboxStatus.RUNNING;
            case STOPPED, STOPPING, PAUSED, PAUSING -> SandboxStatus.STOPPED;
            case ARCHIVED, ARCHIVING -> SandboxStatus.ARCHIVED;
            case ERROR, BUILD_FAILED -> SandboxStatus.FAILED;
            case DESTROYED, DESTROYING -> SandboxStatus.DELETED;
            case UNKNOWN -> SandboxStatus.UNKNOWN;
            default -> SandboxStatus.PENDING;
        };
    }

    /** The API's timestamp, or the epoch when it is missing or unreadable (it is shown, never computed with). */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return Instant.EPOCH;
            }
        }
    }

    /** The absolute path of a project file, refusing paths that leave the project. */
    String inProject(String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || ("/" + relative + "/").contains("/../") || ("/" + relative + "/").contains("/./")) {
            throw new InvalidInputException(String.valueOf(relative), "path escapes the project or is not normalised");
        }
        return projectDir + "/" + relative;
    }

    /** {@code cd <project> && env <defaults + command env + extra> <argv>}. */
    String commandLine(Command command, Map<String, String> extra) {
        return "cd " + Shell.quote(projectDir) + " && " + Shell.withEnvironment(environment(command, extra), command.argv());
    }

    private static Map<String, String> environment(Command command, Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>(DaytonaSandboxProvider.COMMAND_ENVIRONMENT);
        environment.putAll(command.environment());
        environment.putAll(extra);
        environment.keySet().forEach(name -> {
            if (!ENV_NAME.matcher(name).matches()) {
                throw new InvalidInputException("environment." + name, "is not a valid environment variable name");
            }
        });
        return environment;
    }

    /** Where the app's start script is kept, next to the project. */
    String startScript() {
        return runDirectory() + "/start.sh";
    }

    private String runDirectory() {
        int slash = projectDir.lastIndexOf('/');
        return (slash <= 0 ? "" : projectDir.substring(0, slash)) + "/.sandbox-orchestrator";
    }

    /** Saves the app's command as a script (listening on the preview port, on all interfaces) and runs it. */
    String launchLine(Command command) {
        Map<String, String> serve = new LinkedHashMap<>();
        serve.put("PORT", String.valueOf(previewPort));
        serve.put("HOST", "0.0.0.0");
        serve.put("HOSTNAME", "0.0.0.0");
        serve.put("NODE_ENV", "production");
        String script = "#!/bin/sh\ncd " + Shell.quote(projectDir) + " || exit 1\nexec "
                + Shell.withEnvironment(environment(command, serve), command.argv()) + "\n";
        return "mkdir -p " + Shell.quote(runDirectory()) + " && printf '%s' " + Shell.quote(script) + " > " + Shell.quote(startScript())
                + " && " + relaunchLine();
    }

    /** Runs the saved start script again. */
    String relaunchLine() {
        return "sh " + Shell.quote(startScript());
    }

    /**
     * Settings every {@link DaytonaSandboxProvider.Builder} has; defaults are the constants of
     * {@link ProviderSettings}. Not thread-safe.
     *
     * @param <B> the concrete builder
     */
    abstract static class Builder<B extends Builder<B>> {
        private String snapshot = DEFAULT_SNAPSHOT;
        private String projectDir = DEFAULT_PROJECT_DIR;
        private int previewPort = DEFAULT_PREVIEW_PORT;
        private boolean publicPreview;
        private Duration signedPreviewTtl = DEFAULT_SIGNED_PREVIEW_TTL;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private Duration lease = DEFAULT_LEASE;
        private String owner = defaultOwner();
        private Duration touchEvery = DEFAULT_TOUCH_EVERY;
        private boolean dependencySnapshots = true;
        private String dependencyBaseImage = DEFAULT_DEPENDENCY_IMAGE;
        private Duration autoArchive;

        abstract B self();

        /** The snapshot new sandboxes start from; it must have Node.js and npm. */
        public B snapshot(String snapshot) {
            this.snapshot = nonBlank("snapshot", snapshot);
            return self();
        }

        /** The absolute directory the project lives in inside the sandbox. */
        public B projectDir(String directory) {
            String dir = nonBlank("projectDir", directory);
            if (!dir.startsWith("/") || dir.equals("/") || dir.contains("..") || dir.endsWith("/")) {
                throw new IllegalArgumentException("projectDir must be an absolute directory such as " + DEFAULT_PROJECT_DIR + ": " + dir);
            }
            this.projectDir = dir;
            return self();
        }

        /** The port the app listens on (given to it as {@code PORT}); Daytona previews ports 3000 to 9999. */
        public B previewPort(int port) {
            if (port < 3000 || port > 9999) {
                throw new IllegalArgumentException("previewPort must be between 3000 and 9999: " + port);
            }
            this.previewPort = port;
            return self();
        }

        /** Whether previews are public (no token, no expiry); default private, shown as signed URLs. */
        public B publicPreview(boolean isPublic) {
            this.publicPreview = isPublic;
            return self();
        }

        /** How long a private sandbox's signed preview URL works (1 s to 24 h). */
        public B signedPreviewTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Previews.MAX_SIGNED_TTL) > 0) {
                throw new IllegalArgumentException("signedPreviewTtl must be between 1 second and 24 hours: " + ttl);
            }
            this.signedPreviewTtl = ttl;
            return self();
        }

        public B startTimeout(Duration timeout) {
            this.startTimeout = positive("startTimeout", timeout);
            return self();
        }

        public B stopTimeout(Duration timeout) {
            this.stopTimeout = positive("stopTimeout", timeout);
            return self();
        }

        /**
         * How long a sandbox may go without {@link DaytonaSandboxProvider#touch} or a keep-alive before
         * {@link SandboxReaper} may delete it; they renew the lease once half of it has passed.
         */
        public B lease(Duration lease) {
            this.lease = positive("lease", lease);
            return self();
        }

        /** Who owns the sandboxes (label {@code sandbox-orchestrator/owner}) unless the spec says. */
        public B owner(String owner) {
            this.owner = nonBlank("owner", owner);
            return self();
        }

        /** The least time between two activity refreshes caused by {@link DaytonaSandboxProvider#touch}. */
        public B touchEvery(Duration interval) {
            this.touchEvery = positive("touchEvery", interval);
            return self();
        }

        /** Whether to build and use snapshots with dependencies pre-installed (default true). */
        public B dependencySnapshots(boolean enabled) {
            this.dependencySnapshots = enabled;
            return self();
        }

        /** The image dependency snapshots are built on; it must have Node.js and npm. */
        public B dependencyBaseImage(String image) {
            this.dependencyBaseImage = nonBlank("dependencyBaseImage", image);
            return self();
        }

        /** Time stopped before Daytona archives a sandbox (Daytona's default when not set). */
        public B autoArchive(Duration interval) {
            this.autoArchive = Objects.requireNonNull(interval, "autoArchive");
            return self();
        }

        ProviderSettings settings() {
            return new ProviderSettings(snapshot, projectDir, previewPort, publicPreview, signedPreviewTtl, startTimeout, stopTimeout,
                    lease, owner, touchEvery, dependencySnapshots, dependencyBaseImage, Optional.ofNullable(autoArchive));
        }

        private static String defaultOwner() {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "unknown-host";
            }
            return System.getProperty("user.name", "unknown") + "@" + host;
        }

        private static String nonBlank(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value.strip();
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
