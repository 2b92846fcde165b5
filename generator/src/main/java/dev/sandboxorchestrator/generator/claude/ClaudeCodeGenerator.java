package dev.sandboxorchestrator.generator.claude;

import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.generator.claude.ClaudeGenerationException.Reason;
import dev.sandboxorchestrator.generator.claude.internal.AnthropicErrors;
import dev.sandboxorchestrator.generator.claude.internal.CodeFiles;
import dev.sandboxorchestrator.generator.claude.internal.Conversation;
import dev.sandboxorchestrator.generator.claude.internal.MessagesClient;
import dev.sandboxorchestrator.generator.claude.internal.Outcome;
import dev.sandboxorchestrator.generator.claude.internal.Settings;
import dev.sandboxorchestrator.generator.claude.internal.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Generates, repairs and refines web apps with Claude through the Anthropic Messages API (java.net.http and
 * Jackson, no SDK). The model answers through strict tool schemas, never by code scraped from prose (prose with
 * fenced blocks is only a reported fallback); answers stream by default and report each file as it starts and
 * finishes; an answer cut off at {@code max_tokens} is continued after its last complete file, never delivered
 * truncated; repairs and refinements return only the changed files, large files changed by search/replace edits
 * that this class applies. Every call's tokens are reported as events and summed in {@link GeneratedCode#usage()}.
 *
 * <p>Immutable and thread-safe: one instance serves concurrent calls over one shared {@code HttpClient}, and it
 * holds nothing that needs closing. The API key never appears in {@link #toString()}, logs or exception messages.
 *
 * <pre>{@code
 * CodeGenerator claude = ClaudeCodeGenerator.fromEnvironment(System.getenv());
 * try (SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().generator(claude).build()) {
 *     Preview preview = orchestrator.generate("A landing page for a coffee subscription");
 *     orchestrator.refine(preview.sandboxId(), "make the header sticky", SandboxListener.NONE);
 * }
 * }</pre>
 */
public final class ClaudeCodeGenerator implements CodeGenerator {
    public static final String NAME = "claude";
    /** A current Sonnet, listed in the official SDKs' model enums. */
    public static final String DEFAULT_MODEL = "claude-sonnet-5";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.anthropic.com");
    /** Room for a whole app; an answer cut off at this limit is continued, see {@link Builder#maxContinuations}. */
    public static final int DEFAULT_MAX_TOKENS = 32_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Per attempt: until the response headers when streaming, the whole answer otherwise (as the SDKs). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** The longest silence tolerated inside a stream (the API sends pings while the model thinks). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(3);
    /** Retries after the first attempt, as the SDKs. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** No retry starts later than this after the first attempt. */
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofMinutes(3);
    /** A longer {@code retry-after} than this is not waited for; the call fails with the wait in the exception. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONTINUATIONS = 2;
    public static final int DEFAULT_EDIT_THRESHOLD_LINES = 80;
    /** Packages the generated code may import without declaring them; known to build with the converter's scaffold. */
    public static final Set<String> DEFAULT_ALLOWED_DEPENDENCIES = Set.of("clsx", "lucide-react", "framer-motion", "zustand",
            "date-fns", "react-icons", "@heroicons/react", "class-variance-authority", "tailwind-merge", "@headlessui/react",
            "next-themes", "sonner");

    static final String ENV_API_KEY = "ANTHROPIC_API_KEY";
    static final String ENV_BASE_URL = "ANTHROPIC_BASE_URL";
    static final String ENV_MODEL = "ANTHROPIC_MODEL";
    static final String ENV_MAX_TOKENS = "ANTHROPIC_MAX_TOKENS";
    static final String ENV_BETA = "ANTHROPIC_BETA";
    private static final Set<Integer> RETRY_STATUSES = IntStream.concat(IntStream.of(408, 409, 429), IntStream.range(500, 600))
            .boxed().collect(Collectors.toUnmodifiableSet());

    /** How the model hands over files. */
    public enum StructuredOutput {
        /** Through a {@code strict} tool (the default; works with thinking models as {@code tool_choice} stays auto). */
        TOOL,
        /** As JSON text matching a schema ({@code output_config.format}). */
        OUTPUT_FORMAT
    }

    private final Settings settings;
    private final MessagesClient client;
    private final PriceTable prices;

    ClaudeCodeGenerator(Settings settings, MessagesClient client, PriceTable prices) {
        this.settings = settings;
        this.client = client;
        this.prices = prices;
    }

    /** A builder; only the API key is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A generator configured from environment variables: {@code ANTHROPIC_API_KEY} (required),
     * {@code ANTHROPIC_BASE_URL}, {@code ANTHROPIC_MODEL}, {@code ANTHROPIC_MAX_TOKENS} and {@code ANTHROPIC_BETA}
     * (comma-separated beta names); everything else at its default.
     *
     * @throws dev.sandboxorchestrator.core.ServiceUnavailableException when {@code ANTHROPIC_API_KEY} is not set,
     *         saying how to set it
     * @throws InvalidInputException naming a variable whose value is unusable
     */
    public static ClaudeCodeGenerator fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        if (Secret.fromNullable(env.get(ENV_API_KEY)).isEmpty()) {
            throw new ServiceUnavailableException("the Claude generator needs an Anthropic API key: set " + ENV_API_KEY
                    + " (create a key at https://console.anthropic.com/settings/keys), or leave it unset to use the offline template generator");
        }
        return builder().environment(env).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model asked for. */
    public String model() {
        return settings.model();
    }

    /** The price table that turns usage into cost, if one was configured. */
    public Optional<PriceTable> priceTable() {
        return Optional.ofNullable(prices);
    }

    @Override
    public GeneratedCode generate(GenerationRequest request, SandboxListener events) {
        Objects.requireNonNull(request, "request");
        Outcome outcome = run(Task.generate(request), events);
        if (outcome.files().isEmpty()) {
            throw new ClaudeGenerationException(Reason.NO_FILES, Phase.GENERATE, "Claude returned no files (stop reason "
                    + outcome.stopReason() + ")" + CodeFiles.textHint(outcome), outcome.usage());
        }
        return code(outcome, outcome.files(), request.format());
    }

    @Override
    public boolean canRepair() {
        return true;
    }

    /**
     * Asks for the changes that fix the build's errors and returns only the changed files, with their full new
     * content. No files means Claude proposed no change.
     */
    @Override
    public GeneratedCode repair(GeneratedCode current, BuildFailure failure, SandboxListener events) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(failure, "failure");
        GenerationRequest.Format format = CodeFiles.formatOf(current);
        Outcome outcome = run(Task.repair(format, CodeFiles.textFiles(current), CodeFiles.binaryFiles(current), failure), events);
        return code(outcome, CodeFiles.changed(current, outcome.files()), format);
    }

    /**
     * Asks for the changes the request needs and returns only the changed files, with their full new content.
     *
     * @throws ClaudeGenerationException with {@link Reason#NO_FILES} when Claude changed nothing
     */
    @Override
    public GeneratedCode refine(GeneratedCode current, String request, SandboxListener events) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(request, "request");
        if (request.isBlank()) {
            throw new InvalidInputException("request", "must not be blank");
        }
        GenerationRequest.Format format = CodeFiles.formatOf(current);
        Outcome outcome = run(Task.refine(format, CodeFiles.textFiles(current), CodeFiles.binaryFiles(current), request), events);
        Map<String, String> changed = CodeFiles.changed(current, outcome.files());
        if (changed.isEmpty() && outcome.dependencies().isEmpty()) {
            throw new ClaudeGenerationException(Reason.NO_FILES, Phase.REFINE, "Claude returned no changes for \""
                    + request.strip() + "\"" + CodeFiles.textHint(outcome), outcome.usage());
        }
        return code(outcome, changed, format);
    }

    private Outcome run(Task task, SandboxListener events) {
        return new Conversation(client, settings, task, events, prices).run();
    }

    private GeneratedCode code(Outcome outcome, Map<String, String> files, GenerationRequest.Format format) {
        return CodeFiles.code(outcome, files, format, NAME, prices == null ? null : prices.cost(outcome.usage()).toPlainString());
    }

    @Override
    public String toString() {
        return "ClaudeCodeGenerator[model=" + settings.model() + ", baseUrl=" + shown(settings.baseUrl())
                + ", apiKey=" + settings.apiKey() + ", maxTokens=" + settings.maxTokens() + ", streaming=" + settings.streaming() + "]";
    }
    /** The URL without user info or query, which may hold credentials. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /**
     * Configures a {@link ClaudeCodeGenerator}. Only the API key is required ({@link #apiKey} or
     * {@link #environment}); every other setting has the default named by a constant of {@link ClaudeCodeGenerator}.
     * Setters check their value and throw {@link InvalidInputException} naming the setting. Not thread-safe.
     */
    public static final class Builder {
        private Secret apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private String model = DEFAULT_MODEL;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private boolean streaming = true;
        private boolean forceToolUse;
        private StructuredOutput output = StructuredOutput.TOOL;
        private final List<String> betas = new ArrayList<>();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration retryDeadline = DEFAULT_RETRY_DEADLINE;
        private int maxContinuations = DEFAULT_MAX_CONTINUATIONS;
        private int editThresholdLines = DEFAULT_EDIT_THRESHOLD_LINES;
        private Set<String> allowedDependencies = DEFAULT_ALLOWED_DEPENDENCIES;
        private PriceTable prices;
        private HttpClient httpClient;
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /** Reads the variables that are set: ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, ANTHROPIC_MODEL, ANTHROPIC_MAX_TOKENS, ANTHROPIC_BETA. */
        public Builder environment(Map<String, String> env) {
            Secret.fromNullable(env.get(ENV_API_KEY)).ifPresent(this::apiKey);
            Checks.present(env, ENV_BASE_URL).ifPresent(url -> this.baseUrl = Checks.url(ENV_BASE_URL, url));
            Checks.present(env, ENV_MODEL).ifPresent(name -> this.model = Checks.modelName(ENV_MODEL, name));
            Checks.present(env, ENV_MAX_TOKENS).ifPresent(tokens -> this.maxTokens = Checks.tokens(ENV_MAX_TOKENS, tokens));
            Checks.present(env, ENV_BETA).ifPresent(list -> {
                betas.clear();
                for (String beta : list.split(",")) {
                    if (!beta.isBlank()) {
                        betas.add(Checks.betaName(ENV_BETA, beta.strip()));
                    }
                }
            });
            return this;
        }

        public Builder apiKey(Secret apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        public Builder apiKey(String apiKey) {
            return apiKey(Secret.fromNullable(apiKey).orElseThrow(() -> new InvalidInputException("apiKey", "must not be blank")));
        }

        /** Where the API is, e.g. a proxy; {@code /v1/messages} is appended. Default {@link ClaudeCodeGenerator#DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Checks.url("baseUrl", Objects.requireNonNull(baseUrl, "baseUrl"));
            return this;
        }

        public Builder model(String model) {
            this.model = Checks.modelName("model", Objects.requireNonNull(model, "model"));
            return this;
        }

        /** {@code max_tokens} of every call. Default {@link ClaudeCodeGenerator#DEFAULT_MAX_TOKENS}. */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = Checks.tokens("maxTokens", String.valueOf(maxTokens));
            return this;
        }

        /** Whether answers stream as server-sent events (progress per file). Default true. */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** Force the tool with {@code tool_choice}; only for older models, as thinking models reject it. Default false. */
        public Builder forceToolUse(boolean force) {
            this.forceToolUse = force;
            return this;
        }

        /** How the model hands over files. Default {@link StructuredOutput#TOOL}. */
        public Builder structuredOutput(StructuredOutput output) {
            this.output = Objects.requireNonNull(output, "output");
            return this;
        }

        /** Adds an {@code anthropic-beta} name; several are sent comma-separated. */
        public Builder beta(String beta) {
            betas.add(Checks.betaName("beta", Objects.requireNonNull(beta, "beta")));
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positive("connectTimeout", timeout);
            return this;
        }

        /** Per attempt: until the response headers when streaming, the whole answer otherwise. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Checks.positive("requestTimeout", timeout);
            return this;
        }

        /** The longest silence tolerated inside a stream before it is abandoned. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Checks.positive("idleTimeout", timeout);
            return this;
        }

        /** Retries after the first attempt (408, 409, 429, 5xx, connection errors, or as x-should-retry says). */
        public Builder maxRetries(int retries) {
            this.maxRetries = Checks.atLeast("maxRetries", retries, 0);
            return this;
        }

        /** No retry starts later than this after the first attempt. */
        public Builder retryDeadline(Duration deadline) {
            this.retryDeadline = Checks.positive("retryDeadline", deadline);
            return this;
        }

        /** Extra calls after an answer is cut off at {@code max_tokens}, each asking for the files still missing; 0 fails at once. */
        public Builder maxContinuations(int continuations) {
            this.maxContinuations = Checks.atLeast("maxContinuations", continuations, 0);
            return this;
        }

        /** Files longer than this many lines are to be changed with search/replace edits rather than rewritten. */
        public Builder editThresholdLines(int lines) {
            this.editThresholdLines = Checks.atLeast("editThresholdLines", lines, 1);
            return this;
        }

        /** npm packages the code may import without declaring them. Default {@link ClaudeCodeGenerator#DEFAULT_ALLOWED_DEPENDENCIES}. */
        public Builder allowedDependencies(Collection<String> packages) {
            this.allowedDependencies = Set.copyOf(packages);
            return this;
        }

        /** Prices that turn tokens into a cost figure (in events and in the metadata as {@code costUsd}). */
        public Builder priceTable(PriceTable prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        /** The client to send with; the caller keeps ownership. Default: one of this generator's own, HTTP/1.1. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Waits between retries; tests replace it so that nothing sleeps for real. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** @throws IllegalStateException when no API key was given */
        public ClaudeCodeGenerator build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required: call apiKey(...), or environment(...) with " + ENV_API_KEY + " set");
            }
            Settings settings = new Settings(baseUrl, apiKey, model, maxTokens, streaming, forceToolUse,
                    output == StructuredOutput.OUTPUT_FORMAT, betas, requestTimeout, idleTimeout, maxContinuations,
                    editThresholdLines, allowedDependencies);
            HttpClient client = httpClient != null ? httpClient
                    : HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
            RetryingHttp.Policy policy = new RetryingHttp.Policy(maxRetries + 1, Backoff.DEFAULT, retryDeadline, RETRY_STATUSES, MAX_RETRY_AFTER);
            AnthropicErrors errors = new AnthropicErrors(apiKey);
            RetryingHttp http = new RetryingHttp(AnthropicErrors.SERVICE, client, policy, sleeper, errors);
            return new ClaudeCodeGenerator(settings, new MessagesClient(settings, http, errors), prices);
        }
    }
}
