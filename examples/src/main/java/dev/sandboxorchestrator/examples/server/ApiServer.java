package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.HttpServer;
import dev.sandboxorchestrator.core.InputLimits;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API of the original guide in front of one {@link SandboxOrchestrator}, on the JDK's built-in
 * {@code com.sun.net.httpserver}: {@code POST /api/sandbox/create}, {@code GET /api/sandbox},
 * {@code GET|DELETE /api/sandbox/{id}}, {@code POST /api/generate/sandbox}, server-sent events at
 * {@code GET /api/sandbox/{id}/events}, and the web page at {@code /}. Every API call needs a bearer token;
 * each token's owner sees only its own sandboxes.
 *
 * <p>Thread-safe. {@link #close()} stops the server (not the orchestrator, which the caller owns and closes
 * afterwards) and is idempotent.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.builder()
 *         .orchestrator(orchestrator)
 *         .tokens(ApiTokens.fromEnv(System.getenv()))
 *         .port(8080)
 *         .build()) {
 *     server.start();
 *     System.out.println("API on " + server.uri());
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** The guide's limit on a create request. */
    public static final long DEFAULT_MAX_BODY_BYTES = 100L * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
    public static final int DEFAULT_THREADS = 200;
    public static final int DEFAULT_MAX_EVENT_STREAMS = 200;
    public static final int DEFAULT_EVENTS_PER_STREAM = 2_000;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

    static {
        // The JDK server reads these once, when the first HttpServer of the JVM is made; set only if unset.
        // Without TCP_NODELAY every answer on a kept-alive connection waits ~40 ms for a delayed ACK, because the
        // JDK writes headers and body separately (measured: 22 requests/s on one connection instead of 1,100).
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // A backstop: the JDK drops connections whose headers pass this; the API answers 431 well before.
        defaultProperty("sun.net.httpserver.maxReqHeaderSize", Integer.toString(4 * DEFAULT_MAX_HEADER_BYTES));
    }

    private final HttpServer server;
    private final ExecutorService requests;
    private final ExecutorService background;
    private final EventHub hub;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiServer(Builder builder) {
        this.requests = pool("sandbox-api-", builder.threads);
        this.background = pool("sandbox-api-async-", builder.threads);
        this.hub = new EventHub(builder.maxEventStreams, builder.eventsPerStream);
        Operations operations = new Operations(hub, background);
        SandboxApi api = new SandboxApi(builder.orchestrator, operations, hub, builder.maxBodyBytes, builder.inputLimits, builder.keepAlive);
        Router router = new Router(builder.tokens, new CorsPolicy(builder.corsOrigins), new RateLimiter(builder.rateLimitPerMinute, System::nanoTime),
                api, builder.maxHeaderBytes);
        try {
            this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 0);
        } catch (IOException e) {
            requests.shutdownNow();
            background.shutdownNow();
            throw new UncheckedIOException("Could not listen on " + builder.host + ":" + builder.port + ": " + e.getMessage(), e);
        }
        server.setExecutor(requests);
        server.createContext(Routes.API, router);
        server.createContext("/", new WebPage());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts answering requests; returns at once. */
    public ApiServer start() {
        if (closed.get()) {
            throw new IllegalStateException("This ApiServer is closed");
        }
        if (started.compareAndSet(false, true)) {
            server.start();
        }
        return this;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /**
     * Stops accepting requests, ends event streams and cuts requests still running (a synchronous create
     * loses its answer; its sandbox is the orchestrator's to stop on close). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        hub.close();
        server.stop(0);
        requests.shutdownNow();
        background.shutdownNow();
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static ExecutorService pool(String prefix, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Configures an {@link ApiServer}. Required: {@link #orchestrator} and {@link #tokens}. Defaults: host
     * {@value ApiServer#DEFAULT_HOST}, port {@value ApiServer#DEFAULT_PORT}, a 100 MB body limit, 16 KB of headers,
     * {@value ApiServer#DEFAULT_RATE_LIMIT_PER_MINUTE} requests a minute per owner, no cross-origin callers. Not thread-safe.
     */
    public static final class Builder {
        private SandboxOrchestrator orchestrator;
        private ApiTokens tokens;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int rateLimitPerMinute = DEFAULT_RATE_LIMIT_PER_MINUTE;
        private final Set<String> corsOrigins = new LinkedHashSet<>();
        private InputLimits inputLimits = InputLimits.DEFAULT;
        private int threads = DEFAULT_THREADS;
        private int maxEventStreams = DEFAULT_MAX_EVENT_STREAMS;
        private int eventsPerStream = DEFAULT_EVENTS_PER_STREAM;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

        private Builder() {
        }

        /** The orchestrator that does the work; the caller keeps it and closes it after the server. */
        public Builder orchestrator(SandboxOrchestrator orchestrator) {
            this.orchestrator = Objects.requireNonNull(orchestrator, "orchestrator");
            return this;
        }

        public Builder tokens(ApiTokens tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The address to listen on; anything but loopback exposes the server to the network. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port; 0 picks a free one (see {@link ApiServer#uri()}). */
        public Builder port(int port) {
            this.port = checkRange("port", port, 0, 65535);
            return this;
        }

        /** The largest request body; larger ones get 413. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** The most bytes of request headers; more get 431. */
        public Builder maxHeaderBytes(int bytes) {
            this.maxHeaderBytes = checkRange("maxHeaderBytes", bytes, 1024, Integer.MAX_VALUE);
            return this;
        }

        /** Requests a minute each owner may make on average (bursts up to as many); more get 429. */
        public Builder rateLimitPerMinute(int requests) {
            this.rateLimitPerMinute = checkRange("rateLimitPerMinute", requests, 1, Integer.MAX_VALUE);
            return this;
        }

        /** An origin (https://app.example.com) whose pages may call the API; the server's own page always may. */
        public Builder corsOrigin(String origin) {
            corsOrigins.add(CorsPolicy.normalise(origin));
            return this;
        }

        /** The limits code is checked against before anything is created; use the orchestrator's. */
        public Builder inputLimits(InputLimits limits) {
            this.inputLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Requests handled at once (a synchronous create or an event stream holds one for its whole time). */
        public Builder threads(int threads) {
            this.threads = checkRange("threads", threads, 2, 10_000);
            return this;
        }

        /** Recent requests whose events are kept for replay, and how many events each keeps. */
        public Builder eventRetention(int streams, int eventsPerStream) {
            this.maxEventStreams = checkRange("streams", streams, 1, 1_000_000);
            this.eventsPerStream = checkRange("eventsPerStream", eventsPerStream, 10, 1_000_000);
            return this;
        }

        /** How often an idle event stream gets a keep-alive comment. */
        public Builder keepAlive(Duration interval) {
            this.keepAlive = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Binds the port; call {@link ApiServer#start()} to begin answering. */
        public ApiServer build() {
            if (orchestrator == null) {
                throw new IllegalStateException("orchestrator is required");
            }
            if (tokens == null) {
                throw new IllegalStateException("tokens are required: " + ApiTokens.HOW_TO_CONFIGURE);
            }
            return new ApiServer(this);
        }

        private static int checkRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return value;
        }
    }
}
