package dev.sandboxorchestrator.core;

import dev.sandboxorchestrator.core.internal.HttpProbe;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a prompt, or code that already exists, into a running app with a live preview URL: it generates,
 * converts, creates a sandbox, uploads, installs, builds, starts and waits until the preview answers, and it
 * lists, stops, starts and deletes sandboxes.
 *
 * <p>Immutable and thread-safe: one instance serves concurrent calls. {@link #close()} stops every sandbox
 * this orchestrator started (unless {@link Builder#stopOnClose(boolean)} says not to) and closes the provider
 * when the orchestrator created it. A failure after a sandbox exists deletes it (unless
 * {@link Builder#keepFailedSandboxes(boolean)}), then throws with the phase and the log tail.
 *
 * <pre>{@code
 * try (SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().build()) {
 *     Preview preview = orchestrator.generate("A landing page for a coffee subscription");
 *     System.out.println(preview.url());
 * }
 * }</pre>
 */
public final class SandboxOrchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxOrchestrator.class);

    /** Labels every sandbox carries, so leaks can be found and reaped. */
    public static final String LABEL_SESSION = "sandbox-orchestrator/session";
    public static final String LABEL_APP = "sandbox-orchestrator/app";
    public static final String LABEL_OWNER = "sandbox-orchestrator/owner";

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_REPAIR_ATTEMPTS = 2;
    public static final long DEFAULT_REPAIR_TOKEN_BUDGET = 400_000;

    private final CodeGenerator generator;
    private final ProjectConverter converter;
    private final SandboxProvider provider;
    private final boolean ownsProvider;
    private final List<SandboxListener> listeners;
    private final InputLimits limits;
    private final Duration readyTimeout;
    private final boolean keepFailedSandboxes;
    private final boolean stopOnClose;
    private final int maxRepairAttempts;
    private final long repairTokenBudget;
    private final Map<String, String> labels;
    private final String sessionId;
    private final Clock clock;
    private final HttpProbe probe;
    private final Poller poller;
    private final ExecutorService executor;
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Map<String, GeneratedCode> deployed = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxOrchestrator(Builder builder) {
        this.generator = builder.generator;
        this.converter = builder.converter;
        this.ownsProvider = builder.provider == null;
        this.provider = ownsProvider ? LocalSandboxProvider.builder().build() : builder.provider;
        this.listeners = List.copyOf(builder.listeners);
        this.limits = builder.limits;
        this.readyTimeout = builder.readyTimeout;
        this.keepFailedSandboxes = builder.keepFailedSandboxes;
        this.stopOnClose = builder.stopOnClose;
        this.maxRepairAttempts = builder.maxRepairAttempts;
        this.repairTokenBudget = builder.repairTokenBudget;
        this.sessionId = builder.sessionId != null ? builder.sessionId : UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> allLabels = new LinkedHashMap<>(builder.labels);
        allLabels.put(LABEL_SESSION, sessionId);
        this.labels = Map.copyOf(allLabels);
        this.clock = builder.clock;
        // HTTP/1.1: an h2c upgrade request makes Next.js's server take the socket and never answer.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.probe = new HttpProbe(http);
        this.poller = Poller.standard();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sandbox-orchestrator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A builder whose defaults run everything on this machine: see {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- generate and deploy ----------------------------------------------------------------------------

    /** Generates an app from the prompt and runs it; the sandbox is named after the prompt. */
    public Preview generate(String prompt) {
        return generate(GenerationRequest.of(prompt), null, SandboxListener.NONE);
    }

    /**
     * Generates code for the request, then deploys it as {@link #deploy(GeneratedCode, SandboxSpec, SandboxListener)}.
     *
     * @param spec     the sandbox to create, or {@code null} for one named after the prompt
     * @param listener events of this call only, in addition to the orchestrator's listeners
     */
    public Preview generate(GenerationRequest request, SandboxSpec spec, SandboxListener listener) {
        Objects.requireNonNull(request, "request");
        Events events = events(listener);
        CodeGenerator codeGenerator = generator();
        GeneratedCode code = events.phase(Phase.GENERATE, codeGenerator.name(), () -> codeGenerator.generate(request, events.asListener()));
        SandboxSpec target = spec != null ? spec : SandboxSpec.builder(Names.slug(code.title().isBlank() ? request.prompt() : code.title()))
                .description(code.description().isBlank() ? request.prompt() : code.description()).build();
        return new Pipeline(this, events).deploy(code, target);
    }

    /** Deploys the guide's {@code generatedCode} (path → text) in a sandbox with this spec. */
    public Preview deploy(Map<String, String> generatedCode, SandboxSpec spec) {
        return deploy(GeneratedCode.of(generatedCode), spec, SandboxListener.NONE);
    }

    /**
     * Validates, converts and runs the code in a new sandbox, and returns once its preview answers HTTP 200.
     *
     * @throws InvalidInputException before anything is created, when the code breaks a limit or a path rule
     * @throws PhaseFailedException  when a phase fails; the sandbox has been deleted unless kept by policy
     */
    public Preview deploy(GeneratedCode code, SandboxSpec spec, SandboxListener listener) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(spec, "spec");
        return new Pipeline(this, events(listener)).deploy(code, spec);
    }

    public CompletableFuture<Preview> generateAsync(GenerationRequest request, SandboxSpec spec, SandboxListener listener) {
        return CompletableFuture.supplyAsync(() -> generate(request, spec, listener), executor);
    }

    public CompletableFuture<Preview> deployAsync(GeneratedCode code, SandboxSpec spec, SandboxListener listener) {
        return CompletableFuture.supplyAsync(() -> deploy(code, spec, listener), executor);
    }

    /** Only the conversion step: the project that {@link #deploy} would run. */
    public Project convert(GeneratedCode code) {
        limits.check(code);
        return converter().convert(code);
    }

    /**
     * Changes a running app as asked ("make the header sticky"): the generator returns only the files that
     * change, they are written into the sandbox, the app is rebuilt and restarted, and this returns once the
     * preview answers again.
     */
    public Preview refine(String sandboxId, String request, SandboxListener listener) {
        GeneratedCode current = deployed.get(sandboxId);
        if (current == null) {
            throw new InvalidInputException("sandboxId", "refine works on sandboxes this orchestrator deployed; " + sandboxId + " is not one");
        }
        return new Pipeline(this, events(listener)).refine(sandboxId, current, request);
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    public SandboxInfo status(String sandboxId) {
        provider.touch(sandboxId);
        return provider.get(sandboxId);
    }

    /** The sandboxes that carry all the given labels; an empty map lists all of the provider's. */
    public List<SandboxInfo> list(Map<String, String> labelFilter) {
        return provider.list(labelFilter);
    }

    public String logs(String sandboxId) {
        return provider.logs(sandboxId);
    }

    public void stop(String sandboxId) {
        provider.stop(sandboxId);
        started.remove(sandboxId);
    }

    /** Starts a stopped sandbox and returns once its preview answers again. */
    public Preview start(String sandboxId) {
        return new Pipeline(this, events(SandboxListener.NONE)).restart(sandboxId);
    }

    public void delete(String sandboxId) {
        provider.delete(sandboxId);
        started.remove(sandboxId);
        deployed.remove(sandboxId);
    }

    public CompletableFuture<Void> stopAsync(String sandboxId) {
        return CompletableFuture.runAsync(() -> stop(sandboxId), executor);
    }

    public CompletableFuture<Preview> startAsync(String sandboxId) {
        return CompletableFuture.supplyAsync(() -> start(sandboxId), executor);
    }

    public CompletableFuture<Void> deleteAsync(String sandboxId) {
        return CompletableFuture.runAsync(() -> delete(sandboxId), executor);
    }

    /** The provider this orchestrator runs sandboxes on. */
    public SandboxProvider provider() {
        return provider;
    }

    /** The id that labels every sandbox this orchestrator creates. */
    public String sessionId() {
        return sessionId;
    }

    /** Stops what this orchestrator started (per policy) and releases its threads; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        executor.shutdownNow();
        List<RuntimeException> failures = new ArrayList<>();
        if (stopOnClose) {
            for (String id : List.copyOf(started)) {
                try {
                    provider.stop(id);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            started.clear();
        }
        if (ownsProvider) {
            provider.close();
        }
        if (!failures.isEmpty()) {
            SandboxOrchestratorException error = new SandboxOrchestratorException("close() could not stop " + failures.size() + " sandbox(es)", failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    // ---- for Pipeline -----------------------------------------------------------------------------------

    private Events events(SandboxListener extra) {
        List<SandboxListener> all = new ArrayList<>(listeners);
        if (extra != null && extra != SandboxListener.NONE) {
            all.add(extra);
        }
        return new Events(all, clock);
    }

    CodeGenerator generator() {
        if (generator != null) {
            return generator;
        }
        return discover(CodeGenerator.class, "sandbox-orchestrator-generator", "generator");
    }

    /** The generator that can repair builds, when one is configured or on the class path. */
    java.util.Optional<CodeGenerator> repairer() {
        CodeGenerator candidate = generator;
        if (candidate == null) {
            candidate = ServiceLoader.load(CodeGenerator.class, SandboxOrchestrator.class.getClassLoader()).findFirst().orElse(null);
        }
        return java.util.Optional.ofNullable(candidate).filter(CodeGenerator::canRepair);
    }

    ProjectConverter converter() {
        if (converter != null) {
            return converter;
        }
        return discover(ProjectConverter.class, "sandbox-orchestrator-nextjs-converter", "converter");
    }

    private static <T> T discover(Class<T> type, String artifact, String setter) {
        for (T found : ServiceLoader.load(type, SandboxOrchestrator.class.getClassLoader())) {
            return found;
        }
        throw new SandboxOrchestratorException("No " + type.getSimpleName() + " configured. Tried: ServiceLoader for "
                + type.getName() + " found none. Add the dependency dev.sandboxorchestrator:" + artifact
                + " or call SandboxOrchestrator.builder()." + setter + "(...)");
    }

    InputLimits limits() {
        return limits;
    }

    Duration readyTimeout() {
        return readyTimeout;
    }

    boolean keepFailedSandboxes() {
        return keepFailedSandboxes;
    }

    int maxRepairAttempts() {
        return maxRepairAttempts;
    }

    long repairTokenBudget() {
        return repairTokenBudget;
    }

    Map<String, String> labels() {
        return labels;
    }

    HttpProbe probe() {
        return probe;
    }

    Poller poller() {
        return poller;
    }

    void started(String sandboxId, GeneratedCode code) {
        started.add(sandboxId);
        deployed.put(sandboxId, code);
    }

    void restarted(String sandboxId) {
        started.add(sandboxId);
    }

    void forget(String sandboxId) {
        started.remove(sandboxId);
        deployed.remove(sandboxId);
    }

    static void logFailure(String what, RuntimeException e) {
        LOG.warn("{}: {}", what, e.getMessage());
    }

    /**
     * Configures a {@link SandboxOrchestrator}. Nothing is required: without a generator the
     * {@code CodeGenerator} on the class path is used (the offline template generator of
     * {@code sandbox-orchestrator-generator}), without a converter the {@code ProjectConverter} on the class
     * path ({@code NextJsProjectConverter}), without a provider a {@link LocalSandboxProvider} that the
     * orchestrator owns and closes. Not thread-safe.
     */
    public static final class Builder {
        private CodeGenerator generator;
        private ProjectConverter converter;
        private SandboxProvider provider;
        private final List<SandboxListener> listeners = new ArrayList<>();
        private InputLimits limits = InputLimits.DEFAULT;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private boolean keepFailedSandboxes;
        private boolean stopOnClose = true;
        private int maxRepairAttempts = DEFAULT_MAX_REPAIR_ATTEMPTS;
        private long repairTokenBudget = DEFAULT_REPAIR_TOKEN_BUDGET;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private String sessionId;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder generator(CodeGenerator generator) {
            this.generator = Objects.requireNonNull(generator, "generator");
            return this;
        }

        public Builder converter(ProjectConverter converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            return this;
        }

        /** The provider to run sandboxes on; the caller keeps ownership and closes it. */
        public Builder provider(SandboxProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Adds a listener that receives the events of every operation. */
        public Builder listener(SandboxListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder limits(InputLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** How long to wait for the preview to answer HTTP 200 after the app started. Default 2 minutes. */
        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
            return this;
        }

        /** Keep a sandbox whose pipeline failed, for debugging, instead of deleting it. Default false. */
        public Builder keepFailedSandboxes(boolean keep) {
            this.keepFailedSandboxes = keep;
            return this;
        }

        /** Whether {@link #close()} stops the sandboxes this orchestrator started. Default true. */
        public Builder stopOnClose(boolean stop) {
            this.stopOnClose = stop;
            return this;
        }

        /** Most build repairs per deployment when the generator can repair. Default 2; 0 disables repair. */
        public Builder maxRepairAttempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("maxRepairAttempts must not be negative");
            }
            this.maxRepairAttempts = attempts;
            return this;
        }

        /**
         * Most tokens all repairs of one deployment may spend. Default 400,000. It is checked before each
         * attempt, so the last attempt may go over it by what one repair costs.
         */
        public Builder repairTokenBudget(long tokens) {
            this.repairTokenBudget = tokens;
            return this;
        }

        /** A label put on every sandbox this orchestrator creates (e.g. the owner). */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The session id labelling this orchestrator's sandboxes. Default: random. */
        public Builder sessionId(String sessionId) {
            this.sessionId = sessionId;
            return this;
        }

        /** The clock that stamps events and sandboxes; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SandboxOrchestrator build() {
            return new SandboxOrchestrator(this);
        }
    }
}
