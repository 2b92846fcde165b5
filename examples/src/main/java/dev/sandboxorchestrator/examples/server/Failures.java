package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what the library throws to the API's errors: invalid input → 400 "Invalid request", no provider →
 * 503 "Sandbox service not available", no such sandbox → 404, any other library failure → 500 with
 * {@code failure} as the error and the library's message (which names the phase and carries the log tail).
 * Anything else is a bug here: logged with its stack trace, answered with a message that reveals nothing.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final String UNAVAILABLE_PREFIX = "Sandbox service not available: ";

    private Failures() {
    }

    static ApiError toApiError(RuntimeException e, String failure) {
        if (e instanceof ApiError error) {
            return error;
        }
        if (e instanceof InvalidInputException invalid) {
            return ApiError.invalid(message(invalid));
        }
        if (e instanceof ServiceUnavailableException) {
            String message = e.getMessage();
            String reason = message.startsWith(UNAVAILABLE_PREFIX) ? message.substring(UNAVAILABLE_PREFIX.length()) : message;
            return new ApiError(503, ApiError.UNAVAILABLE, reason);
        }
        if (e instanceof SandboxNotFoundException missing) {
            return ApiError.sandboxNotFound(missing.sandboxId());
        }
        if (e instanceof SandboxOrchestratorException) {
            LOG.warn("{}: {}", failure, e.getMessage().lines().findFirst().orElse(""));
            return new ApiError(500, failure, e.getMessage());
        }
        LOG.error("{}: unexpected error", failure, e);
        return new ApiError(500, failure, "an unexpected error happened on the server; its log has the details");
    }

    /**
     * The message of invalid input, without repeating the field when the reason already starts with it
     * ("generatedCode: generatedCode must be …" becomes the guide's "generatedCode must be …").
     */
    static String message(InvalidInputException invalid) {
        String message = invalid.getMessage();
        String prefix = invalid.field() + ": ";
        if (message.startsWith(prefix + invalid.field() + " ")) {
            return message.substring(prefix.length());
        }
        return message;
    }

    /** The error as the last event of a stream: the response body plus the status it would have had. */
    static Map<String, Object> body(ApiError error) {
        Map<String, Object> body = error.body();
        body.put("status", error.status());
        return body;
    }
}
