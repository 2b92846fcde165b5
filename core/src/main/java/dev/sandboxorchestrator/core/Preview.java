package dev.sandboxorchestrator.core;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A running app: the sandbox it runs in, the link to its preview, and what it took to get there (the time
 * each phase took and the tokens a model spent).
 */
public record Preview(String sandboxId, String name, PreviewLink link, SandboxStatus status, Instant createdAt,
        Map<Phase, Duration> timings, TokenUsage usage, ConversionReport report) {

    public Preview {
        Objects.requireNonNull(sandboxId, "sandboxId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        timings = timings == null || timings.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(timings));
        usage = usage == null ? TokenUsage.NONE : usage;
        report = report == null ? ConversionReport.EMPTY : report;
    }

    /** The preview URL, as it opens in a browser. */
    public URI url() {
        return link.url();
    }

    /** The sum of all phase timings. */
    public Duration totalTime() {
        return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
