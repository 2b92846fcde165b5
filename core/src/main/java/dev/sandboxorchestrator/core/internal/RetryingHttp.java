package dev.sandboxorchestrator.core.internal;

import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP seam both remote clients (Claude, Daytona) send through: retries with exponential backoff
 * and jitter, {@code Retry-After} / {@code retry-after-ms} / {@code x-should-retry} honoured, a total
 * deadline, errors turned into {@link ServiceException}s by a service-specific decoder, and logging that
 * never shows headers (they carry keys). Thread-safe. Not API.
 */
public final class RetryingHttp {
    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttp.class);

    /**
     * When to retry.
     *
     * @param maxAttempts    attempts in all, the first included
     * @param backoff        waits between attempts when the service does not say
     * @param deadline       no retry starts after this much time since the first attempt
     * @param retryStatuses  statuses retried on idempotent calls
     * @param maxRetryAfter  a longer Retry-After than this is not waited for (the call fails instead)
     */
    public record Policy(int maxAttempts, Backoff backoff, Duration deadline, Set<Integer> retryStatuses, Duration maxRetryAfter) {
        public static final Policy DEFAULT = new Policy(4, Backoff.DEFAULT, Duration.ofMinutes(2),
                Set.of(408, 409, 429, 500, 502, 503, 504, 529), Duration.ofSeconds(60));

        public Policy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            retryStatuses = Set.copyOf(retryStatuses);
        }

        public Policy withMaxAttempts(int attempts) {
            return new Policy(attempts, backoff, deadline, retryStatuses, maxRetryAfter);
        }
    }

    /** Turns an error response into the service's exception. */
    @FunctionalInterface
    public interface ErrorDecoder {
        ServiceException decode(int status, HttpHeaders headers, byte[] body, String path, int attempts, Duration retryAfter);
    }

    /** Statuses that mean the request was not processed, so even a non-idempotent call may be sent again. */
    private static final Set<Integer> NOT_PROCESSED = Set.of(429, 529);

    private final String service;
    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final ErrorDecoder decoder;

    public RetryingHttp(String service, HttpClient client, Policy policy, Sleeper sleeper, ErrorDecoder decoder) {
        this.service = Objects.requireNonNull(service, "service");
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    public HttpClient client() {
        return client;
    }

    /** Sends and returns the whole body of a 2xx response. */
    public HttpResponse<byte[]> send(HttpRequest request, boolean idempotent) {
        HttpResponse<InputStream> response = stream(request, idempotent);
        try (InputStream body = response.body()) {
            byte[] bytes = body.readAllBytes();
            return new BufferedResponse(response, bytes);
        } catch (IOException e) {
            throw new ServiceException(service, response.statusCode(), null, "the response body broke off: " + e.getMessage(),
                    request.uri().getPath(), requestId(response.headers()).orElse(null), 1, null, e);
        }
    }

    /**
     * Sends and returns a 2xx response whose body the caller reads as it arrives (server-sent events, downloads).
     * The caller closes the stream.
     */
    public HttpResponse<InputStream> stream(HttpRequest request, boolean idempotent) {
        String path = request.uri().getPath();
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                Duration wait = policy.backoff().delay(attempt);
                if (!idempotent || !mayRetry(attempt, start, wait)) {
                    throw new ServiceException(service, 0, null, describe(e), path, null, attempt, null, e);
                }
                LOG.debug("{} {} {}: connection failed ({}), retry {} in {} ms", service, request.method(), path,
                        e.getClass().getSimpleName(), attempt, wait.toMillis());
                sleeper.sleep(wait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxOrchestratorException("Interrupted while calling " + service + " " + path, e);
            }
            int status = response.statusCode();
            LOG.debug("{} {} {} -> {} (attempt {})", service, request.method(), path, status, attempt);
            if (status >= 200 && status < 300) {
                return response;
            }
            byte[] body = drain(response);
            Duration retryAfter = retryAfter(response.headers()).orElse(null);
            Duration wait = retryAfter != null ? retryAfter : policy.backoff().delay(attempt);
            boolean retryable = shouldRetry(status, response.headers(), idempotent)
                    && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0);
            if (!retryable || !mayRetry(attempt, start, wait)) {
                throw decoder.decode(status, response.headers(), body, path, attempt, retryAfter);
            }
            LOG.debug("{} {} {}: HTTP {}, retry {} in {} ms", service, request.method(), path, status, attempt, wait.toMillis());
            sleeper.sleep(wait);
        }
    }

    private boolean shouldRetry(int status, HttpHeaders headers, boolean idempotent) {
        Optional<String> hint = headers.firstValue("x-should-retry");
        if (hint.isPresent()) {
            return hint.get().equalsIgnoreCase("true");
        }
        return idempotent ? policy.retryStatuses().contains(status) : NOT_PROCESSED.contains(status);
    }

    private boolean mayRetry(int attempt, long start, Duration wait) {
        return attempt < policy.maxAttempts()
                && System.nanoTime() - start + wait.toNanos() <= policy.deadline().toNanos();
    }

    /** The wait the service asked for, from {@code retry-after-ms} or {@code retry-after} (seconds or a date). */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after: a malformed hint is as good as none
            }
        }
        Optional<String> value = headers.firstValue("retry-after");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get().strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(text) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (java.time.format.DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** The request id a service sent, from the usual headers. */
    public static Optional<String> requestId(HttpHeaders headers) {
        return headers.firstValue("request-id").or(() -> headers.firstValue("x-request-id"));
    }

    private static byte[] drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(1 << 20);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String describe(IOException e) {
        String kind = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "connection failed";
        return kind + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /** A response whose body was read into memory. */
    private record BufferedResponse(HttpResponse<InputStream> raw, byte[] body) implements HttpResponse<byte[]> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<byte[]>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public java.net.URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }
}
