package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import java.io.IOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Runs the long requests (create, generate) with their events recorded for followers. By default the
 * request waits and answers 200 once the preview is ready, as in the guide; with {@code ?async=true} it
 * answers 202 at once with the request id and its events URL, and the outcome arrives as the stream's last
 * event ({@code done} with the same body as the 200, or {@code error}). A client may choose the request id
 * ({@code X-Request-Id}) so that it can follow a synchronous call's events too. Thread-safe.
 */
final class Operations {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    /** The pipeline to run, given the listener that records its events. */
    interface Work {
        Preview run(SandboxListener listener);
    }

    private final EventHub hub;
    private final ExecutorService executor;

    Operations(EventHub hub, ExecutorService executor) {
        this.hub = hub;
        this.executor = executor;
    }

    void run(Call call, String failure, Work work, Function<Preview, Map<String, Object>> answer) throws IOException {
        String requestId = requestId(call.header(REQUEST_ID_HEADER));
        EventStream stream = hub.open(call.owner(), requestId);
        SandboxListener listener = event -> {
            if (event instanceof SandboxEvent.SandboxCreated created) {
                hub.alias(stream, created.sandboxId());
            }
            stream.publish(EventJson.type(event), EventJson.data(event));
        };
        Map<String, String> headers = Map.of(REQUEST_ID_HEADER, requestId);
        if (!call.flag("async")) {
            call.respond(200, complete(stream, failure, work, listener, answer), headers);
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    complete(stream, failure, work, listener, answer);
                } catch (ApiError e) {
                    // already the stream's last event
                }
            });
        } catch (RejectedExecutionException e) {
            stream.finish("error", Failures.body(new ApiError(503, ApiError.UNAVAILABLE, "the server is shutting down")));
            throw new ApiError(503, ApiError.UNAVAILABLE, "the server is shutting down");
        }
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("requestId", requestId);
        accepted.put("eventsUrl", Routes.events(requestId));
        call.respond(202, accepted, Map.of(REQUEST_ID_HEADER, requestId, "Location", Routes.events(requestId)));
    }

    /** Runs the work; its answer or error becomes the stream's last event; an error is thrown as well. */
    private static Map<String, Object> complete(EventStream stream, String failure, Work work, SandboxListener listener,
            Function<Preview, Map<String, Object>> answer) {
        try {
            Map<String, Object> body = answer.apply(work.run(listener));
            stream.finish("done", body);
            return body;
        } catch (RuntimeException e) {
            ApiError error = Failures.toApiError(e, failure);
            stream.finish("error", Failures.body(error));
            throw error;
        }
    }

    private static String requestId(String given) {
        if (given == null || given.isBlank()) {
            byte[] random = new byte[12];
            ThreadLocalRandom.current().nextBytes(random);
            return "req-" + HexFormat.of().formatHex(random);
        }
        if (!REQUEST_ID.matcher(given.strip()).matches()) {
            throw ApiError.invalid(REQUEST_ID_HEADER + " must be 8-64 letters, digits, '-' or '_'");
        }
        return given.strip();
    }
}
