package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of Daytona's REST API and of its sandboxes' toolbox API, on {@code java.net.http} and Jackson:
 * {@link #sandboxes()} (lifecycle), {@link #toolbox} (files and commands inside one sandbox), {@link #previews()}
 * and {@link #snapshots()}. Every request carries the bearer key and the SDK identity headers; failures are
 * {@link dev.sandboxorchestrator.core.ServiceException}s with Daytona's status, message, error code, path,
 * request id, attempts and retry-after. Idempotent calls are retried on 429, 5xx and dropped connections with
 * exponential backoff and jitter, honouring {@code Retry-After}; creates are never sent twice blindly.
 *
 * <p>Thread-safe; share one instance (it holds one {@link HttpClient}). {@link #close()} is idempotent and
 * releases nothing a caller injected. {@link #toString()} never shows the API key.
 *
 * <pre>{@code
 * try (DaytonaClient client = DaytonaClient.fromEnvironment(System.getenv())) {
 *     Sandbox sandbox = client.sandboxes().create(CreateSandboxRequest.builder().snapshot("daytona-small").build());
 *     CommandResult result = client.toolbox(sandbox).execute("node -v", null, Map.of(), Duration.ofSeconds(30));
 *     client.sandboxes().delete(sandbox.id());
 * }
 * }</pre>
 */
public final class DaytonaClient implements AutoCloseable {
    public static final String ENV_API_KEY = "DAYTONA_API_KEY";
    public static final String ENV_API_URL = "DAYTONA_API_URL";
    public static final String ENV_TARGET = "DAYTONA_TARGET";
    public static final String ENV_ORGANIZATION_ID = "DAYTONA_ORGANIZATION_ID";

    public static final String DEFAULT_API_URL = "https://app.daytona.io/api";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Creating waits up to 30 s inside Daytona for a snapshot-based sandbox to start. */
    public static final Duration DEFAULT_CREATE_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    /** How to configure the client, for messages. */
    public static final String HOW_TO_CONFIGURE = "set " + ENV_API_KEY + " to a Daytona API key (create one at"
            + " https://app.daytona.io/dashboard/keys); optionally " + ENV_API_URL + " (default " + DEFAULT_API_URL
            + ", for self-hosted Daytona) and " + ENV_TARGET + " (region, e.g. us or eu)";

    private final ClientContext context;
    private final Sandboxes sandboxes;
    private final Previews previews;
    private final Snapshots snapshots;
    private final Map<String, String> toolboxBases = new ConcurrentHashMap<>();

    private DaytonaClient(Builder builder) {
        HttpClient client = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(builder.connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        RetryingHttp.Policy policy = new RetryingHttp.Policy(builder.maxAttempts, builder.retryBackoff, Duration.ofMinutes(2),
                Set.of(429, 500, 502, 503, 504), Duration.ofSeconds(60));
        DaytonaHttp http = new DaytonaHttp(client, builder.apiKey, builder.organizationId, policy, builder.sleeper);
        this.context = new ClientContext(http, builder.apiUrl, builder.target, builder.requestTimeout, builder.createTimeout,
                builder.uploadTimeout, builder.sleeper, builder.waitBackoff, builder.retryBackoff, builder.clock);
        this.sandboxes = new Sandboxes(context);
        this.previews = new Previews(context);
        this.snapshots = new Snapshots(context);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from environment variables: {@value #ENV_API_KEY} (required), {@value #ENV_API_URL}
     * (default {@value #DEFAULT_API_URL}), {@value #ENV_TARGET} and {@value #ENV_ORGANIZATION_ID} (optional).
     *
     * @throws ServiceUnavailableException when {@value #ENV_API_KEY} is not set, saying how to set it
     */
    public static DaytonaClient fromEnvironment(Map<String, String> env) {
        return builderFromEnvironment(env).build();
    }

    /** A builder preset from the environment, as {@link #fromEnvironment}, to change more settings. */
    public static Builder builderFromEnvironment(Map<String, String> env) {
        Secret key = Secret.fromNullable(env.get(ENV_API_KEY)).orElseThrow(() -> new ServiceUnavailableException(
                "Daytona is not configured: " + ENV_API_KEY + " is not set. To run sandboxes on Daytona, " + HOW_TO_CONFIGURE + "."));
        Builder builder = builder().apiKey(key);
        String url = env.get(ENV_API_URL);
        if (url != null && !url.isBlank()) {
            builder.apiUrl(url);
        }
        return builder.target(env.get(ENV_TARGET)).organizationId(env.get(ENV_ORGANIZATION_ID));
    }

    public Sandboxes sandboxes() {
        return sandboxes;
    }

    public Previews previews() {
        return previews;
    }

    public Snapshots snapshots() {
        return snapshots;
    }

    /** The toolbox of this sandbox, at its {@code toolboxProxyUrl} (no request needed). */
    public Toolbox toolbox(Sandbox sandbox) {
        String proxy = sandbox.toolboxProxyUrl();
        if (proxy.isBlank()) {
            return toolbox(sandbox.id());
        }
        String base = Urls.trimSlash(proxy) + "/" + Urls.segment(sandbox.id());
        toolboxBases.put(sandbox.id(), base);
        return new Toolbox(context, sandbox.id(), base);
    }

    /** The toolbox of the sandbox with this id; its address is fetched once, then remembered. */
    public Toolbox toolbox(String sandboxId) {
        String base = toolboxBases.get(sandboxId);
        if (base == null) {
            String proxy = sandboxes.get(sandboxId).toolboxProxyUrl();
            if (proxy.isBlank()) {
                var response = context.http().send(context.http().get(context.api("/sandbox/" + Urls.segment(sandboxId)
                        + "/toolbox-proxy-url"), context.requestTimeout()), true);
                proxy = DaytonaHttp.required(context.http().parse(response), "url", response);
            }
            base = Urls.trimSlash(proxy) + "/" + Urls.segment(sandboxId);
            toolboxBases.put(sandboxId, base);
        }
        return new Toolbox(context, sandboxId, base);
    }

    /** The API base URL, e.g. {@value #DEFAULT_API_URL}. */
    public URI apiUrl() {
        return URI.create(context.apiUrl());
    }

    /** The default region, or {@code null}. */
    public String target() {
        return context.target();
    }

    ClientContext context() {
        return context;
    }

    /** Idempotent. The JDK 17 {@link HttpClient} has nothing to close; open log follows are closed by their owners. */
    @Override
    public void close() {
        toolboxBases.clear();
    }

    @Override
    public String toString() {
        return "DaytonaClient[apiUrl=" + context.apiUrl() + ", target=" + context.target() + ", apiKey=hidden]";
    }

    /**
     * Configures a {@link DaytonaClient}. Required: the API key. Defaults: {@link #DEFAULT_API_URL}, no region,
     * {@link #DEFAULT_REQUEST_TIMEOUT} per call, {@link #DEFAULT_CREATE_TIMEOUT} for a create,
     * {@link #DEFAULT_UPLOAD_TIMEOUT} for file transfers, {@link #DEFAULT_MAX_ATTEMPTS} attempts per idempotent
     * call, a new {@link HttpClient}. Not thread-safe.
     */
    public static final class Builder {
        private Secret apiKey;
        private String apiUrl = DEFAULT_API_URL;
        private String target;
        private String organizationId;
        private HttpClient httpClient;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration createTimeout = DEFAULT_CREATE_TIMEOUT;
        private Duration uploadTimeout = DEFAULT_UPLOAD_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Backoff retryBackoff = Backoff.DEFAULT;
        private Backoff waitBackoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder apiKey(String apiKey) {
            return apiKey(Secret.of(apiKey));
        }

        public Builder apiKey(Secret apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The API base, {@code /api} included for Daytona itself (e.g. {@code https://daytona.example.com/api}). */
        public Builder apiUrl(String apiUrl) {
            String trimmed = Urls.trimSlash(Objects.requireNonNull(apiUrl, "apiUrl"));
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("apiUrl is not a URL: " + trimmed, e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("apiUrl must be an http(s) URL such as " + DEFAULT_API_URL + ": " + trimmed);
            }
            this.apiUrl = trimmed;
            return this;
        }

        /** The region sandboxes are created in unless a request names one. */
        public Builder target(String target) {
            this.target = target == null || target.isBlank() ? null : target.strip();
            return this;
        }

        /** Sent as {@code X-Daytona-Organization-ID} when set. */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId == null || organizationId.isBlank() ? null : organizationId.strip();
            return this;
        }

        /** The HTTP client to share (its connect timeout and executor apply); the caller keeps ownership. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        public Builder createTimeout(Duration timeout) {
            this.createTimeout = positive("createTimeout", timeout);
            return this;
        }

        public Builder uploadTimeout(Duration timeout) {
            this.uploadTimeout = positive("uploadTimeout", timeout);
            return this;
        }

        /** Attempts per idempotent call, the first included (1 = no retries). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        Builder retryBackoff(Backoff backoff) {
            this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        Builder waitBackoff(Backoff backoff) {
            this.waitBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @throws IllegalStateException when no API key was given */
        public DaytonaClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required: call apiKey(...) or use DaytonaClient.fromEnvironment(...) with "
                        + ENV_API_KEY + " set");
            }
            return new DaytonaClient(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
