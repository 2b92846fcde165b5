package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.InputLimits;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.examples.api.CreateRequest;
import dev.sandboxorchestrator.examples.api.GenerateRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The guide's endpoints on one {@link SandboxOrchestrator}. Every sandbox is labelled with the caller's
 * owner name; a caller sees, reads, follows and deletes only its own, and another's id is answered exactly
 * like an unknown one (404). Thread-safe.
 */
final class SandboxApi {
    private static final Pattern SANDBOX_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final SandboxOrchestrator orchestrator;
    private final Operations operations;
    private final EventHub hub;
    private final long maxBodyBytes;
    private final InputLimits limits;
    private final Duration keepAlive;
    /** Preview links of running sandboxes, so that listing does not ask the provider for each one again. */
    private final Map<String, PreviewLink> previews = new ConcurrentHashMap<>();

    SandboxApi(SandboxOrchestrator orchestrator, Operations operations, EventHub hub, long maxBodyBytes, InputLimits limits,
            Duration keepAlive) {
        this.orchestrator = orchestrator;
        this.operations = operations;
        this.hub = hub;
        this.maxBodyBytes = maxBodyBytes;
        this.limits = limits;
        this.keepAlive = keepAlive;
    }

    /** {@code POST /api/sandbox/create}: the guide's generatedCode in a new sandbox; 200 once its preview answers. */
    void create(Call call) throws IOException {
        CreateRequest request = parse(() -> CreateRequest.from(RequestBody.json(call.exchange(), maxBodyBytes), "app"));
        parse(() -> {
            limits.check(request.code());
            return request;
        });
        var spec = request.spec().withLabel(SandboxOrchestrator.LABEL_OWNER, call.owner());
        operations.run(call, ApiError.CREATE_FAILED, listener -> orchestrator.deploy(request.code(), spec, listener),
                preview -> SandboxJson.created(remember(preview)));
    }

    /** {@code POST /api/generate/sandbox}: generates code from the prompt and runs it. */
    void generate(Call call) throws IOException {
        GenerateRequest request = parse(() -> GenerateRequest.from(RequestBody.json(call.exchange(), maxBodyBytes)));
        var spec = request.spec().withLabel(SandboxOrchestrator.LABEL_OWNER, call.owner());
        operations.run(call, ApiError.CREATE_FAILED, listener -> orchestrator.generate(request.request(), spec, listener),
                preview -> SandboxJson.generated(remember(preview)));
    }

    /** {@code GET /api/sandbox}: the caller's sandboxes, oldest first. */
    void list(Call call) throws IOException {
        List<SandboxInfo> sandboxes = orchestrator.list(Map.of(SandboxOrchestrator.LABEL_OWNER, call.owner()));
        call.respond(200, Map.of("sandboxes", sandboxes.stream().map(info -> SandboxJson.sandbox(info, previewUrl(info))).toList()));
    }

    /** {@code GET /api/sandbox/{id}}. */
    void get(Call call, String id) throws IOException {
        SandboxInfo info = owned(call, id);
        orchestrator.provider().touch(id);
        call.respond(200, SandboxJson.sandbox(info, previewUrl(info)));
    }

    /** {@code DELETE /api/sandbox/{id}}. */
    void delete(Call call, String id) throws IOException {
        owned(call, id);
        orchestrator.delete(id);
        previews.remove(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", "Sandbox " + id + " deleted");
        call.respond(200, body);
    }

    /** {@code GET /api/sandbox/{id}/events}: the request's or sandbox's events as server-sent events. */
    void events(Call call, String id) throws IOException {
        EventStream stream = hub.find(call.owner(), id)
                .orElseThrow(() -> ApiError.notFound("No events for " + id + "; they are kept for recent create and generate requests"));
        SseResponse.send(call.exchange(), stream, SseResponse.lastEventId(call.header("Last-Event-ID")), keepAlive);
    }

    /** The sandbox if it exists and belongs to the caller; 404 otherwise, the same for both. */
    private SandboxInfo owned(Call call, String id) {
        if (!SANDBOX_ID.matcher(id).matches()) {
            throw ApiError.sandboxNotFound(id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        SandboxInfo info;
        try {
            info = orchestrator.provider().get(id);
        } catch (SandboxNotFoundException e) {
            throw ApiError.sandboxNotFound(id);
        }
        if (!call.owner().equals(info.labels().get(SandboxOrchestrator.LABEL_OWNER))) {
            throw ApiError.sandboxNotFound(id);
        }
        return info;
    }

    private Preview remember(Preview preview) {
        previews.put(preview.sandboxId(), preview.link());
        return preview;
    }

    private String previewUrl(SandboxInfo info) {
        if (info.status() != SandboxStatus.RUNNING) {
            previews.remove(info.id());
            return null;
        }
        PreviewLink link = previews.get(info.id());
        if (link == null || link.expiry().filter(expiry -> expiry.isBefore(Instant.now())).isPresent()) {
            try {
                link = orchestrator.provider().preview(info.id());
                previews.put(info.id(), link);
            } catch (RuntimeException e) {
                return null;
            }
        }
        return link.url().toString();
    }

    private interface Parse<T> {
        T get() throws IOException;
    }

    /** Runs a parsing step; invalid input becomes 400 "Invalid request" with its message. */
    private static <T> T parse(Parse<T> step) throws IOException {
        try {
            return step.get();
        } catch (dev.sandboxorchestrator.core.InvalidInputException e) {
            throw ApiError.invalid(Failures.message(e));
        }
    }
}
