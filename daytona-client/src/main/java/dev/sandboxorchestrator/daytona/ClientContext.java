package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * What the parts of a {@link DaytonaClient} share: the HTTP seam, the API base, the default region, the
 * timeouts, and the waiting machinery (replaced in tests so that nothing sleeps for real).
 */
record ClientContext(DaytonaHttp http, String apiUrl, String target, Duration requestTimeout, Duration createTimeout,
        Duration uploadTimeout, Sleeper sleeper, Backoff waitBackoff, Backoff createBackoff, Clock clock) {

    /** The API URL of {@code path} (already encoded, starting with {@code /}). */
    URI api(String path) {
        return Urls.of(apiUrl, path);
    }

    /** Polls with the wait backoff (100 ms growing to 1 s, as Daytona's own TypeScript SDK does). */
    Poller poller() {
        return new Poller(sleeper, waitBackoff);
    }
}
