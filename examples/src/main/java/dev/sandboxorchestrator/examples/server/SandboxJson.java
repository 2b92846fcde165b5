package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The guide's JSON shapes: the sandbox object and the create and generate answers. */
final class SandboxJson {
    static final String CREATED_MESSAGE = "Sandbox created successfully";

    private SandboxJson() {
    }

    /** {@code {"sandboxId", "workspaceName", "previewUrl", "apiUrl", "status", "createdAt"}}; previewUrl is null when not running. */
    static Map<String, Object> sandbox(String id, String name, SandboxStatus status, Instant createdAt, String previewUrl) {
        Map<String, Object> sandbox = new LinkedHashMap<>();
        sandbox.put("sandboxId", id);
        sandbox.put("workspaceName", name);
        sandbox.put("previewUrl", previewUrl);
        sandbox.put("apiUrl", Routes.SANDBOXES + "/" + id);
        sandbox.put("status", status.name().toLowerCase(Locale.ROOT));
        sandbox.put("createdAt", createdAt.toString());
        return sandbox;
    }

    static Map<String, Object> sandbox(SandboxInfo info, String previewUrl) {
        return sandbox(info.id(), info.name(), info.status(), info.createdAt(), previewUrl);
    }

    static Map<String, Object> sandbox(Preview preview) {
        return sandbox(preview.sandboxId(), preview.name(), preview.status(), preview.createdAt(), preview.url().toString());
    }

    /** The answer to {@code POST /api/sandbox/create}. */
    static Map<String, Object> created(Preview preview) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("sandbox", sandbox(preview));
        body.put("previewUrl", preview.url().toString());
        body.put("message", CREATED_MESSAGE);
        return body;
    }

    /** The answer to {@code POST /api/generate/sandbox}. */
    static Map<String, Object> generated(Preview preview) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sandbox", sandbox(preview));
        body.put("previewUrl", preview.url().toString());
        return body;
    }
}
