package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.SandboxEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server-sent event name and JSON data of each pipeline event: {@code phase} (started or completed),
 * {@code log}, {@code file}, {@code progress}, {@code usage}, {@code sandbox} (created), {@code ready},
 * {@code failed}. The server adds {@code done} and {@code error}, which end a stream.
 */
final class EventJson {
    private EventJson() {
    }

    /** The SSE event name of a pipeline event. */
    static String type(SandboxEvent event) {
        if (event instanceof SandboxEvent.PhaseStarted || event instanceof SandboxEvent.PhaseCompleted) {
            return "phase";
        } else if (event instanceof SandboxEvent.LogLine) {
            return "log";
        } else if (event instanceof SandboxEvent.FileWritten) {
            return "file";
        } else if (event instanceof SandboxEvent.Progress) {
            return "progress";
        } else if (event instanceof SandboxEvent.UsageReported) {
            return "usage";
        } else if (event instanceof SandboxEvent.SandboxCreated) {
            return "sandbox";
        } else if (event instanceof SandboxEvent.Ready) {
            return "ready";
        }
        return "failed";
    }

    static Map<String, Object> data(SandboxEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event instanceof SandboxEvent.PhaseStarted started) {
            data.put("phase", started.phase().label());
            data.put("state", "started");
            data.put("detail", started.detail());
        } else if (event instanceof SandboxEvent.PhaseCompleted completed) {
            data.put("phase", completed.phase().label());
            data.put("state", "completed");
            data.put("tookMs", completed.took().toMillis());
        } else if (event instanceof SandboxEvent.LogLine line) {
            data.put("phase", line.phase().label());
            data.put("stream", line.stream().name().toLowerCase(Locale.ROOT));
            data.put("line", line.line());
        } else if (event instanceof SandboxEvent.FileWritten file) {
            data.put("path", file.path());
            data.put("bytes", file.bytes());
        } else if (event instanceof SandboxEvent.Progress progress) {
            data.put("phase", progress.phase().label());
            data.put("message", progress.message());
        } else if (event instanceof SandboxEvent.UsageReported usage) {
            data.put("inputTokens", usage.usage().inputTokens());
            data.put("outputTokens", usage.usage().outputTokens());
        } else if (event instanceof SandboxEvent.SandboxCreated created) {
            data.put("sandboxId", created.sandboxId());
            data.put("workspaceName", created.name());
        } else if (event instanceof SandboxEvent.Ready ready) {
            data.put("sandboxId", ready.preview().sandboxId());
            data.put("previewUrl", ready.preview().url().toString());
        } else if (event instanceof SandboxEvent.Failed failed) {
            data.put("phase", failed.phase().label());
            data.put("message", failed.message());
        }
        data.put("at", event.at().toString());
        return data;
    }
}
