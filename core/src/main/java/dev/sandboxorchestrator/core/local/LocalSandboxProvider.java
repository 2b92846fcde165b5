package dev.sandboxorchestrator.core.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.LogTail;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sandboxes on this machine: each is a directory (project files, home, logs, {@code sandbox.json})
 * under a root, its commands real child processes with a clean environment, isolated by bubblewrap when it
 * is installed. The app listens on 127.0.0.1; the preview URL is a port of this provider that forwards to it
 * and counts each connection as activity for the idle auto-stop. Projects with the same dependency manifests
 * share one installed {@code node_modules} (hard-link copies). Files survive {@link #stop}, so {@link #start}
 * brings a stopped sandbox back.
 *
 * <p>Thread-safe. {@link #close()} stops every sandbox this instance started.
 *
 * <pre>{@code
 * try (LocalSandboxProvider provider = LocalSandboxProvider.builder().requireIsolation(true).build()) {
 *     SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().provider(provider).build();
 * }
 * }</pre>
 */
public final class LocalSandboxProvider implements SandboxProvider {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSandboxProvider.class);
    private static final AtomicBoolean WARNED_NO_ISOLATION = new AtomicBoolean();

    public static final String NAME = "local";
    /** How often idle sandboxes are looked for. */
    public static final Duration DEFAULT_IDLE_CHECK = Duration.ofSeconds(30);
    /** How long a stopped process gets to exit before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final String RUNNING = "running";
    private static final String STOPPED = "stopped";
    private static final String CREATED = "created";

    private final Path sandboxes;
    private final DependencyCache dependencies;
    private final Path npmCache;
    private final Isolation isolation;
    private final String hostPath;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService threads;
    private final ScheduledExecutorService idleChecker;
    /**
     * Starts every process. bubblewrap's --die-with-parent fires when the <em>thread</em> that started the
     * process ends, so processes must be started by a thread that lives as long as this provider.
     */
    private final ExecutorService spawner;
    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** An app this instance started: its process and the proxy in front of it. */
    private record App(Process process, ActivityProxy proxy, ProcessRunner.Tail tail) implements BackgroundProcess {
        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public Optional<Integer> exitCode() {
            return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
        }

        @Override
        public String logTail() {
            return LogTail.of(tail.text(), LogTail.DEFAULT_LINES);
        }
    }

    private LocalSandboxProvider(Builder builder) {
        Path root = builder.root != null ? builder.root : defaultRoot();
        this.sandboxes = root.resolve("sandboxes");
        this.dependencies = new DependencyCache(root.resolve("dependencies"));
        this.npmCache = root.resolve("npm-cache");
        this.isolation = builder.isolate ? Isolation.detect() : null;
        if (isolation == null && builder.requireIsolation) {
            throw new ServiceUnavailableException("isolation was required but bubblewrap (bwrap) is not installed or does not work here;"
                    + " install it (apt-get install bubblewrap) or build the provider without requireIsolation(true)");
        }
        if (isolation == null && builder.isolate && WARNED_NO_ISOLATION.compareAndSet(false, true)) {
            LOG.warn("*** bubblewrap (bwrap) is not available: sandboxes run as plain processes of this user, NOT isolated."
                    + " Install bubblewrap to isolate them. ***");
        }
        this.hostPath = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin");
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> daemon(task, "local-sandbox-" + count.incrementAndGet()));
        this.idleChecker = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "local-sandbox-idle"));
        this.spawner = Executors.newSingleThreadExecutor(task -> daemon(task, "local-sandbox-spawner"));
        long every = builder.idleCheck.toMillis();
        idleChecker.scheduleWithFixedDelay(this::stopIdle, every, every, TimeUnit.MILLISECONDS);
        try {
            Files.createDirectories(sandboxes);
            Files.createDirectories(npmCache);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sandbox root " + root, e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code $XDG_CACHE_HOME/sandbox-orchestrator}, or {@code ~/.cache/sandbox-orchestrator}. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("sandbox-orchestrator");
    }

    /** Whether commands run isolated by bubblewrap. */
    public boolean isIsolated() {
        return isolation != null;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SandboxInfo create(SandboxSpec spec) {
        checkOpen();
        String id = "sbx-" + HexFormat.of().formatHex(randomBytes());
        Path dir = sandboxes.resolve(id);
        try {
            Files.createDirectories(dir.resolve("project"));
            Files.createDirectories(dir.resolve("home"));
            Files.createDirectories(dir.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create sandbox directory " + dir, e);
        }
        SandboxRecord record = new SandboxRecord(id, spec.name(), spec.description(), spec.labels(), spec.environment(),
                spec.autoStop().toSeconds(), System.currentTimeMillis(), CREATED, 0, List.of(), Map.of(), 0, 0);
        save(record);
        lastActivity.put(id, Instant.now());
        return info(record);
    }

    @Override
    public void writeFiles(String sandboxId, Map<String, byte[]> files) {
        Path project = project(sandboxId);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = inside(project, file.getKey());
            try {
                Files.createDirectories(target.getParent());
                Path temporary = target.resolveSibling(target.getFileName() + ".part");
                Files.write(temporary, file.getValue());
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + file.getKey() + " into sandbox " + sandboxId, e);
            }
        }
        touch(sandboxId);
    }

    @Override
    public Map<String, byte[]> readFiles(String sandboxId, List<String> paths) {
        Path project = project(sandboxId);
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String path : paths) {
            Path file = inside(project, path);
            if (Files.isRegularFile(file)) {
                try {
                    found.put(path, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read " + path + " from sandbox " + sandboxId, e);
                }
            }
        }
        return found;
    }

    @Override
    public ExecResult exec(String sandboxId, Command command, LogListener logs) {
        SandboxRecord record = load(sandboxId);
        touch(sandboxId);
        long start = System.nanoTime();
        ProcessRunner.Tail tail = new ProcessRunner.Tail();
        try (Writer log = openLog(sandboxId, command.display())) {
            Process process = spawn(record, command.argv(), environment(record, command.environment()));
            java.util.concurrent.CountDownLatch output = ProcessRunner.pipe(process, logs, log, tail, threads);
            if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessRunner.killTree(process.toHandle(), STOP_GRACE);
                output.await(5, TimeUnit.SECONDS);
                throw new SandboxTimeoutException(null, "'" + command.display() + "' to finish in sandbox " + sandboxId,
                        command.timeout(), LogTail.of(tail.text(), LogTail.DEFAULT_LINES));
            }
            output.await(30, TimeUnit.SECONDS);
            touch(sandboxId);
            return new ExecResult(process.exitValue(), tail.text(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run '" + command.display() + "' in sandbox " + sandboxId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxOrchestratorException("Interrupted while running '" + command.display() + "' in sandbox " + sandboxId, e);
        }
    }

    @Override
    public synchronized BackgroundProcess startBackground(String sandboxId, Command command, LogListener logs) {
        checkOpen();
        SandboxRecord record = load(sandboxId);
        stopApp(sandboxId);
        int appPort = freePort();
        Map<String, String> env = new LinkedHashMap<>(command.environment());
        env.put("NODE_ENV", "production");
        record = record.withStart(record.previewPort(), command.argv(), env);
        Map<String, String> processEnv = environment(record, env);
        processEnv.put("PORT", String.valueOf(appPort));
        processEnv.put("HOST", "127.0.0.1");
        processEnv.put("HOSTNAME", "127.0.0.1");
        ProcessRunner.Tail tail = new ProcessRunner.Tail();
        try {
            ActivityProxy proxy = openProxy(record.previewPort(), appPort, sandboxId);
            Writer log = openLog(sandboxId, command.display());
            Process process = spawn(record, command.argv(), processEnv);
            java.util.concurrent.CountDownLatch output = ProcessRunner.pipe(process, logs, log, tail, threads);
            process.onExit().thenRun(() -> closeAfter(output, log));
            App app = new App(process, proxy, tail);
            apps.put(sandboxId, app);
            record = record.withStart(proxy.port(), command.argv(), env)
                    .withState(RUNNING, process.pid(), startMillis(process.toHandle()));
            save(record);
            touch(sandboxId);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start '" + command.display() + "' in sandbox " + sandboxId, e);
        }
    }

    @Override
    public PreviewLink preview(String sandboxId) {
        SandboxRecord record = load(sandboxId);
        if (record.previewPort() == 0) {
            throw new SandboxOrchestratorException("Sandbox " + sandboxId + " has no app started yet, so it has no preview");
        }
        return PreviewLink.of(URI.create("http://127.0.0.1:" + record.previewPort() + "/"));
    }

    @Override
    public boolean restoreDependencies(String sandboxId, Map<String, byte[]> manifests, SandboxListener events) {
        return !manifests.isEmpty() && dependencies.restore(DependencyCache.key(manifests), project(sandboxId));
    }

    @Override
    public void saveDependencies(String sandboxId, Map<String, byte[]> manifests) {
        if (!manifests.isEmpty()) {
            dependencies.save(DependencyCache.key(manifests), project(sandboxId));
        }
    }

    @Override
    public SandboxInfo get(String sandboxId) {
        return info(load(sandboxId));
    }

    @Override
    public List<SandboxInfo> list(Map<String, String> labels) {
        List<SandboxInfo> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(sandboxes)) {
            for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
                Optional<SandboxRecord> record = read(dir.resolve("sandbox.json"));
                record.map(this::info).filter(info -> info.matches(labels)).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list sandboxes in " + sandboxes, e);
        }
        found.sort(Comparator.comparing(SandboxInfo::createdAt));
        return found;
    }

    @Override
    public String logs(String sandboxId) {
        load(sandboxId);
        Path log = sandboxes.resolve(sandboxId).resolve("logs").resolve("sandbox.log");
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the log of sandbox " + sandboxId, e);
        }
    }

    @Override
    public synchronized void start(String sandboxId) {
        SandboxRecord record = load(sandboxId);
        if (isRunning(record)) {
            touch(sandboxId);
            return;
        }
        if (record.startCommand().isEmpty()) {
            throw new SandboxOrchestratorException("Sandbox " + sandboxId + " never ran an app, so there is nothing to start");
        }
        startBackground(sandboxId, new Command(record.startCommand(), record.startEnvironment(), null), LogListener.NONE);
    }

    @Override
    public synchronized void stop(String sandboxId) {
        SandboxRecord record = load(sandboxId);
        stopApp(sandboxId);
        if (record.pid() > 0 && isRunning(record)) {
            ProcessHandle.of(record.pid()).ifPresent(handle -> ProcessRunner.killTree(handle, STOP_GRACE));
        }
        save(record.withState(STOPPED, 0, 0));
    }

    @Override
    public synchronized void delete(String sandboxId) {
        Path dir = sandboxes.resolve(checkId(sandboxId));
        if (!Files.exists(dir)) {
            return;
        }
        stop(sandboxId);
        lastActivity.remove(sandboxId);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete sandbox directory " + dir, e);
        }
    }

    @Override
    public void touch(String sandboxId) {
        lastActivity.put(sandboxId, Instant.now());
    }

    /** Stops every sandbox this instance started; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        idleChecker.shutdownNow();
        for (String id : List.copyOf(apps.keySet())) {
            try {
                stop(id);
            } catch (RuntimeException e) {
                LOG.warn("Could not stop sandbox {} on close: {}", id, e.getMessage());
            }
        }
        threads.shutdownNow();
        spawner.shutdownNow();
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private void stopIdle() {
        Instant now = Instant.now();
        for (String id : List.copyOf(apps.keySet())) {
            try {
                SandboxRecord record = load(id);
                Instant last = lastActivity.getOrDefault(id, now);
                if (record.autoStopSeconds() > 0 && last.plusSeconds(record.autoStopSeconds()).isBefore(now)) {
                    LOG.info("Sandbox {} was idle for {} s; stopping it", id, record.autoStopSeconds());
                    stop(id);
                }
            } catch (RuntimeException e) {
                LOG.warn("Idle check of sandbox {} failed: {}", id, e.getMessage());
            }
        }
    }

    private void stopApp(String sandboxId) {
        App app = apps.remove(sandboxId);
        if (app != null) {
            app.proxy().close();
            ProcessRunner.killTree(app.process().toHandle(), STOP_GRACE);
        }
    }

    private ActivityProxy openProxy(int preferredPort, int appPort, String sandboxId) throws IOException {
        Runnable activity = () -> touch(sandboxId);
        if (preferredPort > 0) {
            try {
                return new ActivityProxy(preferredPort, () -> appPort, activity, threads);
            } catch (IOException taken) {
                LOG.info("Preview port {} of sandbox {} is taken; using a new one", preferredPort, sandboxId);
            }
        }
        return new ActivityProxy(0, () -> appPort, activity, threads);
    }

    private static void closeAfter(java.util.concurrent.CountDownLatch output, Writer log) {
        try {
            output.await(5, TimeUnit.SECONDS);
            log.close();
        } catch (IOException e) {
            LOG.debug("Could not close a start log: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process spawn(SandboxRecord record, List<String> argv, Map<String, String> env) throws IOException {
        Path dir = sandboxes.resolve(record.id());
        Path project = dir.resolve("project");
        List<String> command = isolation == null ? argv : isolation.wrap(argv, project, List.of(dir, npmCache), null);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return spawner.submit(builder::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxOrchestratorException("Interrupted while starting " + command.get(command.size() - 1), e);
        }
    }

    /** The clean environment a command sees: nothing of the host's but PATH. */
    private Map<String, String> environment(SandboxRecord record, Map<String, String> commandEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", hostPath);
        env.put("HOME", sandboxes.resolve(record.id()).resolve("home").toString());
        env.put("TMPDIR", "/tmp");
        env.put("LANG", "C.UTF-8");
        env.put("NEXT_TELEMETRY_DISABLED", "1");
        env.put("npm_config_cache", npmCache.toString());
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        env.putAll(record.environment());
        env.putAll(commandEnv);
        return env;
    }

    private Writer openLog(String sandboxId, String title) throws IOException {
        Path log = sandboxes.resolve(sandboxId).resolve("logs").resolve("sandbox.log");
        Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        writer.write("=== " + Instant.now() + " $ " + title + "\n");
        writer.flush();
        return writer;
    }

    private boolean isRunning(SandboxRecord record) {
        App app = apps.get(record.id());
        if (app != null) {
            return app.isAlive();
        }
        if (!RUNNING.equals(record.state()) || record.pid() <= 0) {
            return false;
        }
        return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive)
                .filter(handle -> record.pidStartedAtMillis() == 0 || record.pidStartedAtMillis() == startMillis(handle))
                .isPresent();
    }

    private SandboxInfo info(SandboxRecord record) {
        SandboxStatus status = switch (record.state()) {
            case RUNNING -> isRunning(record) ? SandboxStatus.RUNNING : SandboxStatus.STOPPED;
            case STOPPED -> SandboxStatus.STOPPED;
            case CREATED -> SandboxStatus.PENDING;
            default -> SandboxStatus.UNKNOWN;
        };
        return new SandboxInfo(record.id(), record.name(), status, record.labels(), Instant.ofEpochMilli(record.createdAtMillis()), NAME);
    }

    private Path project(String sandboxId) {
        load(sandboxId);
        return sandboxes.resolve(sandboxId).resolve("project");
    }

    /** The file a project path names, refusing paths that leave the project. */
    private static Path inside(Path project, String relative) {
        Path target = project.resolve(relative).normalize();
        if (relative.isEmpty() || relative.startsWith("/") || !target.startsWith(project) || target.equals(project)) {
            throw new InvalidInputException(relative, "path escapes the project");
        }
        return target;
    }

    private SandboxRecord load(String sandboxId) {
        return read(sandboxes.resolve(checkId(sandboxId)).resolve("sandbox.json"))
                .orElseThrow(() -> new SandboxNotFoundException(sandboxId));
    }

    private static String checkId(String sandboxId) {
        if (sandboxId == null || !sandboxId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new SandboxNotFoundException(String.valueOf(sandboxId));
        }
        return sandboxId;
    }

    private Optional<SandboxRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), SandboxRecord.class));
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable sandbox record {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void save(SandboxRecord record) {
        Path file = sandboxes.resolve(record.id()).resolve("sandbox.json");
        try {
            Path temporary = file.resolveSibling("sandbox.json.part");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), record);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save sandbox record " + file, e);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This LocalSandboxProvider is closed");
        }
    }

    private static long startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[5];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Configures a {@link LocalSandboxProvider}. Nothing is required. Defaults: root
     * {@link LocalSandboxProvider#defaultRoot()}, bubblewrap isolation when it works here (a loud warning
     * once when it does not), idle check every {@link LocalSandboxProvider#DEFAULT_IDLE_CHECK}.
     */
    public static final class Builder {
        private Path root;
        private boolean isolate = true;
        private boolean requireIsolation;
        private Duration idleCheck = DEFAULT_IDLE_CHECK;

        private Builder() {
        }

        /** The directory that holds sandboxes, the dependency cache and the npm cache. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /** Fail in {@link #build()} when bubblewrap is not available, instead of warning. */
        public Builder requireIsolation(boolean require) {
            this.requireIsolation = require;
            return this;
        }

        /** Whether to use bubblewrap at all (default true). */
        public Builder isolate(boolean isolate) {
            this.isolate = isolate;
            return this;
        }

        public Builder idleCheck(Duration interval) {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("idleCheck must be positive");
            }
            this.idleCheck = interval;
            return this;
        }

        public LocalSandboxProvider build() {
            return new LocalSandboxProvider(this);
        }
    }
}
