package dev.sandboxorchestrator.core.internal;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, with growing pauses between checks and a deadline on the monotonic clock.
 * The one place polling-until-ready lives. Not API.
 */
public final class Poller {
    private final Sleeper sleeper;
    private final Backoff backoff;

    public Poller(Sleeper sleeper, Backoff backoff) {
        this.sleeper = sleeper;
        this.backoff = backoff;
    }

    public static Poller standard() {
        return new Poller(Sleeper.SYSTEM, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    /**
     * Calls {@code check} until it returns a value, then returns it. {@code check} throws to fail fast.
     *
     * @param waitedFor what is waited for, for the timeout message
     * @param detail    supplies extra text for the timeout message (e.g. a log tail), may be null
     */
    public <T> T until(Phase phase, String waitedFor, Duration timeout, Supplier<Optional<T>> check, Supplier<String> detail) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            Optional<T> result = check.get();
            if (result.isPresent()) {
                return result.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SandboxTimeoutException(phase, waitedFor, timeout, detail == null ? null : detail.get());
            }
            Duration pause = backoff.delay(attempt);
            sleeper.sleep(pause.toNanos() < left ? pause : Duration.ofNanos(left));
        }
    }
}
