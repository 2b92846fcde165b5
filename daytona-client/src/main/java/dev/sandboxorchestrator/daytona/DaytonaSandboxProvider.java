package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.daytona.internal.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the orchestrator's sandboxes on Daytona. A sandbox is made from a snapshot with Node.js (or, when one was
 * built, from a snapshot with the project's dependencies pre-installed), labelled with the orchestrator session,
 * owner, app name and a lease; files go up in one multipart request; install and build run in a session with
 * their output streamed live; the app runs in a session of its own in the background; {@link #preview} gives a
 * URL that opens in a browser as it is (a signed URL with an expiry for private sandboxes) and the token header
 * for programmatic calls. The idle auto-stop is Daytona's own; {@link #keepAlive} holds a sandbox awake.
 *
 * <p>Thread-safe. {@link #close()} stops following app logs and keep-alives and closes the client if the provider
 * made it; sandboxes keep running under their auto-stop. Idempotent.
 *
 * <pre>{@code
 * try (DaytonaSandboxProvider daytona = DaytonaSandboxProvider.fromEnvironment(System.getenv());
 *      SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().provider(daytona).stopOnClose(false).build()) {
 *     System.out.println(orchestrator.generate("A landing page for a bakery").url());
 * }
 * }</pre>
 */
public final class DaytonaSandboxProvider implements SandboxProvider {
    public static final String NAME = "daytona";
    /** Marks sandboxes this provider made; {@link #list} with no labels lists these. */
    public static final String LABEL_MANAGED = "sandbox-orchestrator/managed";
    /** Epoch second after which {@link SandboxReaper} may delete the sandbox. */
    public static final String LABEL_LEASE = "sandbox-orchestrator/lease-until";
    /** The dependency snapshot key the sandbox was made with. */
    public static final String LABEL_DEPENDENCIES = "sandbox-orchestrator/deps";

    static final String BUILD_SESSION = "sandbox-orchestrator";
    static final String APP_SESSION = "sandbox-orchestrator-app";
    /** Set for every command, in a fixed order (so command lines are the same from run to run). */
    static final Map<String, String> COMMAND_ENVIRONMENT = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(Map.of(
            "NEXT_TELEMETRY_DISABLED", "1", "npm_config_update_notifier", "false", "npm_config_fund", "false", "npm_config_audit", "false")));

    private final DaytonaClient client;
    private final boolean ownsClient;
    private final ProviderSettings settings;
    private final SessionRunner runner;
    private final DependencySnapshots dependencies;
    private final SandboxCreation creation;
    private final KeepAlives keepAlives;
    private final Map<String, SessionRunner.AppProcess> apps = new ConcurrentHashMap<>();
    private final Map<String, Sandbox> known = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private DaytonaSandboxProvider(Builder builder) {
        this.client = builder.client;
        this.ownsClient = builder.ownsClient;
        this.settings = builder.settings();
        this.runner = new SessionRunner(client.context().poller());
        this.dependencies = new DependencySnapshots(client, settings.dependencyBaseImage(), settings.projectDir());
        this.creation = new SandboxCreation(client, settings, dependencies);
        this.keepAlives = new KeepAlives(this::refresh, settings.touchEvery());
    }

    /** A provider on this client, which the caller keeps and closes. */
    public static Builder builder(DaytonaClient client) {
        return new Builder(client, false);
    }

    /**
     * A provider on a client configured from the environment ({@code DAYTONA_API_KEY} required,
     * {@code DAYTONA_API_URL}, {@code DAYTONA_TARGET}); the provider owns and closes the client.
     *
     * @throws dev.sandboxorchestrator.core.ServiceUnavailableException "Sandbox service not available: ..." with
     *         how to configure Daytona, when {@code DAYTONA_API_KEY} is not set
     */
    public static DaytonaSandboxProvider fromEnvironment(Map<String, String> env) {
        return new Builder(DaytonaClient.fromEnvironment(env), true).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The client this provider calls. */
    public DaytonaClient client() {
        return client;
    }

    @Override
    public SandboxInfo create(SandboxSpec spec) {
        checkOpen();
        Sandbox sandbox = creation.create(spec);
        known.put(sandbox.id(), sandbox);
        return ProviderSettings.info(sandbox);
    }

    @Override
    public void writeFiles(String sandboxId, Map<String, byte[]> files) {
        Map<String, byte[]> absolute = new LinkedHashMap<>();
        files.forEach((path, content) -> absolute.put(settings.inProject(path), content));
        SandboxCalls.run(sandboxId, () -> toolbox(sandboxId).uploadFiles(absolute));
    }

    @Override
    public Map<String, byte[]> readFiles(String sandboxId, List<String> paths) {
        return SandboxCalls.call(sandboxId, () -> {
            Toolbox toolbox = toolbox(sandboxId);
            Map<String, byte[]> found = new LinkedHashMap<>();
            for (String path : paths) {
                toolbox.download(settings.inProject(path)).ifPresent(content -> found.put(path, content));
            }
            return found;
        });
    }

    @Override
    public ExecResult exec(String sandboxId, Command command, LogListener logs) {
        String line = settings.commandLine(command, Map.of());
        return SandboxCalls.call(sandboxId, () -> runner.run(toolbox(sandboxId), BUILD_SESSION, line, command.display(), command.timeout(), logs));
    }

    /**
     * Starts the app in its own session, killing the app that ran there before. The command is also saved as a
     * script in the sandbox, so that {@link #start} can run it again after a stop, from any process.
     */
    @Override
    public BackgroundProcess startBackground(String sandboxId, Command command, LogListener logs) {
        checkOpen();
        String line = settings.launchLine(command);
        SessionRunner.AppProcess app = SandboxCalls.call(sandboxId, () -> runner.start(toolbox(sandboxId), APP_SESSION,
                line, command.display(), logs));
        Optional.ofNullable(apps.put(sandboxId, app)).ifPresent(SessionRunner.AppProcess::close);
        return app;
    }

    /**
     * A link to the app: for a public sandbox its preview URL; for a private one a signed URL (valid for the
     * configured time, {@code expiresAt} set) that opens in a browser as it is. {@code headers()} carry the
     * preview token for programmatic calls, and the header that skips Daytona's browser warning page.
     */
    @Override
    public PreviewLink preview(String sandboxId) {
        return SandboxCalls.call(sandboxId, () -> {
            PreviewUrl standard = client.previews().url(sandboxId, settings.previewPort());
            Map<String, String> headers = new LinkedHashMap<>(standard.headers());
            headers.put(Previews.SKIP_WARNING_HEADER, "true");
            if (isPublic(sandboxId)) {
                return new PreviewLink(standard.url(), headers, null);
            }
            SignedPreviewUrl signed = client.previews().signedUrl(sandboxId, settings.previewPort(), settings.signedPreviewTtl());
            return new PreviewLink(signed.url(), headers, signed.expiresAt(), java.util.List.of(signed.token().reveal()));
        });
    }

    @Override
    public boolean restoreDependencies(String sandboxId, Map<String, byte[]> manifests, SandboxListener events) {
        if (!settings.dependencySnapshots() || manifests.isEmpty()) {
            return false;
        }
        String key = SandboxCalls.call(sandboxId, () -> sandbox(sandboxId).labels().get(LABEL_DEPENDENCIES));
        return SandboxCalls.call(sandboxId, () -> dependencies.restore(toolbox(sandboxId), key, manifests, events));
    }

    @Override
    public void saveDependencies(String sandboxId, Map<String, byte[]> manifests) {
        if (settings.dependencySnapshots() && !manifests.isEmpty()) {
            dependencies.save(manifests);
        }
    }

    /**
     * Builds the dependency snapshot for these manifests now (if it does not exist) and waits until sandboxes can
     * be made from it; later creates use it and skip the install.
     */
    public Snapshot prepareDependencies(Map<String, byte[]> manifests, Duration timeout) {
        return dependencies.prepare(manifests, timeout);
    }

    @Override
    public SandboxInfo get(String sandboxId) {
        Sandbox sandbox = SandboxCalls.call(sandboxId, () -> client.sandboxes().get(sandboxId));
        known.put(sandbox.id(), sandbox);
        return ProviderSettings.info(sandbox);
    }

    @Override
    public List<SandboxInfo> list(Map<String, String> labels) {
        Map<String, String> filter = new LinkedHashMap<>(labels);
        if (filter.isEmpty()) {
            filter.put(LABEL_MANAGED, "true");
        }
        return client.sandboxes().list(SandboxQuery.labels(filter)).map(ProviderSettings::info).toList();
    }

    @Override
    public String logs(String sandboxId) {
        Sandbox sandbox = SandboxCalls.call(sandboxId, () -> client.sandboxes().get(sandboxId));
        if (sandbox.state() != SandboxState.STARTED) {
            return "(sandbox " + sandboxId + " is " + sandbox.state().wireValue() + "; Daytona keeps command logs only while it runs)\n";
        }
        return SandboxLogs.collect(client.toolbox(sandbox), List.of(BUILD_SESSION, APP_SESSION));
    }

    /** Starts the stopped sandbox, waits until it runs, and starts the app it last ran again. */
    @Override
    public void start(String sandboxId) {
        checkOpen();
        SandboxCalls.call(sandboxId, () -> SandboxCalls.unlessAlready(client, sandboxId, SandboxState.STARTED,
                () -> client.sandboxes().start(sandboxId, settings.startTimeout())));
        runner.forget(sandboxId);
        Toolbox toolbox = toolbox(sandboxId);
        CommandResult saved = toolbox.execute("test -f " + Shell.quote(settings.startScript()), null, Map.of(), Duration.ofSeconds(30));
        if (!saved.succeeded()) {
            throw new SandboxOrchestratorException("Sandbox " + sandboxId + " never ran an app, so there is nothing to start");
        }
        SessionRunner.AppProcess app = runner.start(toolbox, APP_SESSION, settings.relaunchLine(), "the app",
                LogListener.NONE);
        Optional.ofNullable(apps.put(sandboxId, app)).ifPresent(SessionRunner.AppProcess::close);
    }

    @Override
    public void stop(String sandboxId) {
        forget(sandboxId);
        SandboxCalls.call(sandboxId, () -> SandboxCalls.unlessAlready(client, sandboxId, SandboxState.STOPPED,
                () -> client.sandboxes().stop(sandboxId, false, settings.stopTimeout())));
    }

    @Override
    public void delete(String sandboxId) {
        forget(sandboxId);
        client.sandboxes().delete(sandboxId);
    }

    /** Tells Daytona the sandbox is in use (at most once per touch interval), restarting its auto-stop timer. */
    @Override
    public void touch(String sandboxId) {
        SandboxCalls.run(sandboxId, () -> keepAlives.touch(sandboxId));
    }

    /**
     * Keeps the sandbox from auto-stopping until the returned handle is closed, by refreshing its activity every
     * {@code interval}: for while someone watches a preview whose app makes no requests of its own.
     */
    public KeepAlive keepAlive(String sandboxId, Duration interval) {
        checkOpen();
        return keepAlives.start(sandboxId, interval);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        apps.values().forEach(SessionRunner.AppProcess::close);
        apps.clear();
        keepAlives.close();
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return "DaytonaSandboxProvider[" + client + ", snapshot=" + settings.snapshot() + "]";
    }

    /** A running keep-alive; closing it lets the sandbox auto-stop again. */
    public interface KeepAlive extends AutoCloseable {
        @Override
        void close();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    /** Refreshes the sandbox's activity, and renews its lease once half of it has passed. */
    private void refresh(String sandboxId) {
        client.sandboxes().refreshActivity(sandboxId);
        Instant renewFrom = ProviderSettings.leaseUntil(sandbox(sandboxId)).map(until -> until.minus(settings.lease().dividedBy(2)))
                .orElse(Instant.MAX);
        if (Instant.now().isAfter(renewFrom)) {
            Sandbox fresh = client.sandboxes().get(sandboxId);
            Map<String, String> labels = new LinkedHashMap<>(fresh.labels());
            labels.put(LABEL_LEASE, String.valueOf(Instant.now().plus(settings.lease()).getEpochSecond()));
            client.sandboxes().replaceLabels(sandboxId, labels);
            known.remove(sandboxId);
        }
    }

    private Toolbox toolbox(String sandboxId) {
        Sandbox sandbox = known.get(sandboxId);
        return sandbox != null ? client.toolbox(sandbox) : client.toolbox(sandboxId);
    }

    private Sandbox sandbox(String sandboxId) {
        Sandbox sandbox = known.get(sandboxId);
        if (sandbox == null) {
            sandbox = client.sandboxes().get(sandboxId);
            known.put(sandboxId, sandbox);
        }
        return sandbox;
    }

    private boolean isPublic(String sandboxId) {
        return sandbox(sandboxId).isPublic();
    }

    private void forget(String sandboxId) {
        Optional.ofNullable(apps.remove(sandboxId)).ifPresent(SessionRunner.AppProcess::close);
        keepAlives.stop(sandboxId);
        runner.forget(sandboxId);
        known.remove(sandboxId);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This DaytonaSandboxProvider is closed");
        }
    }

    /**
     * Configures a {@link DaytonaSandboxProvider}. Required: the client (given to {@link #builder}). Defaults:
     * snapshot {@value ProviderSettings#DEFAULT_SNAPSHOT}, project directory {@value ProviderSettings#DEFAULT_PROJECT_DIR},
     * preview port {@value ProviderSettings#DEFAULT_PREVIEW_PORT}, private previews with signed URLs valid for
     * {@link ProviderSettings#DEFAULT_SIGNED_PREVIEW_TTL}, a lease of {@link ProviderSettings#DEFAULT_LEASE}, the owner
     * {@code user@host}, dependency snapshots on (base image {@value ProviderSettings#DEFAULT_DEPENDENCY_IMAGE}).
     * Not thread-safe.
     */
    public static final class Builder extends ProviderSettings.Builder<Builder> {
        private final DaytonaClient client;
        private final boolean ownsClient;

        private Builder(DaytonaClient client, boolean ownsClient) {
            this.client = java.util.Objects.requireNonNull(client, "client");
            this.ownsClient = ownsClient;
        }

        @Override
        Builder self() {
            return this;
        }

        public DaytonaSandboxProvider build() {
            return new DaytonaSandboxProvider(this);
        }
    }
}
