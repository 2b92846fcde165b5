package dev.sandboxorchestrator.daytona;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes sandboxes' activity so that Daytona does not auto-stop them: on demand ({@link #touch}, throttled) and
 * on a schedule while a {@link DaytonaSandboxProvider.KeepAlive} is open. Its one thread is a daemon, made on first
 * use. Thread-safe.
 */
final class KeepAlives implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlives.class);

    private final java.util.function.Consumer<String> refresh;
    private final long touchEveryNanos;
    private final Map<String, Long> lastTouch = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    /** @param refresh refreshes one sandbox's activity (and whatever else goes with it) */
    KeepAlives(java.util.function.Consumer<String> refresh, Duration touchEvery) {
        this.refresh = refresh;
        this.touchEveryNanos = touchEvery.toNanos();
    }

    /** Refreshes the sandbox's activity unless that was done less than the touch interval ago. */
    void touch(String sandboxId) {
        long now = System.nanoTime();
        Long last = lastTouch.get(sandboxId);
        if (last != null && now - last < touchEveryNanos) {
            return;
        }
        lastTouch.put(sandboxId, now);
        refresh.accept(sandboxId);
    }

    synchronized DaytonaSandboxProvider.KeepAlive start(String sandboxId, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "daytona-keep-alive");
                thread.setDaemon(true);
                return thread;
            });
        }
        stop(sandboxId);
        ScheduledFuture<?> future = timer.scheduleWithFixedDelay(() -> refresh(sandboxId), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduled.put(sandboxId, future);
        return () -> {
            if (scheduled.remove(sandboxId, future)) {
                future.cancel(false);
            }
        };
    }

    void stop(String sandboxId) {
        ScheduledFuture<?> future = scheduled.remove(sandboxId);
        if (future != null) {
            future.cancel(false);
        }
        lastTouch.remove(sandboxId);
    }

    private void refresh(String sandboxId) {
        try {
            refresh.accept(sandboxId);
            lastTouch.put(sandboxId, System.nanoTime());
        } catch (RuntimeException e) {
            LOG.warn("Keep-alive of sandbox {} failed: {}", sandboxId, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        scheduled.values().forEach(future -> future.cancel(false));
        scheduled.clear();
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
