package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(6, now::get);

    @Test
    void aBurstUpToTheLimitPassesAndTheNextWaitsForOneRefill() {
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("alice")).isEmpty();
        }

        assertThat(limiter.acquire("alice")).hasValue(Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(limiter.acquire("alice")).hasValue(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isPresent();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 6; i++) {
            limiter.acquire("alice");
        }

        assertThat(limiter.acquire("alice")).isPresent();
        assertThat(limiter.acquire("bob")).isEmpty();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToTheLimit() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("alice")).isEmpty();
        }

        assertThat(limiter.acquire("alice")).isPresent();
    }
}
