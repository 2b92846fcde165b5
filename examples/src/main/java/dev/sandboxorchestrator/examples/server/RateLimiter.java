package dev.sandboxorchestrator.examples.server;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an owner, or a client address for failed logins): {@code perMinute} requests a
 * minute on average, bursts up to {@code perMinute}. Thread-safe.
 */
final class RateLimiter {
    /** Above this many keys, buckets that are full again are forgotten, so unknown clients cannot fill memory. */
    private static final int MAX_KEYS = 10_000;

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    int perMinute() {
        return perMinute;
    }

    /** Takes one request from the key's bucket; empty when allowed, else how long until the next one is. */
    Optional<Duration> acquire(String key) {
        if (buckets.size() > MAX_KEYS) {
            long now = nanoTime.getAsLong();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoTime.getAsLong())).take(nanoTime.getAsLong());
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Optional<Duration> take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            double nanosPerToken = 60e9 / perMinute;
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) * nanosPerToken)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= perMinute;
        }

        private void refill(long now) {
            tokens = Math.min(perMinute, tokens + (now - updated) / 60e9 * perMinute);
            updated = now;
        }
    }
}
