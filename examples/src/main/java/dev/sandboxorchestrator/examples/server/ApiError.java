package dev.sandboxorchestrator.examples.server;

import java.util.Map;

/**
 * An HTTP error answer in the guide's shape, {@code {"error": "...", "message": "..."}}, thrown by any step of
 * a request and turned into the response by {@link Router}. The named constructors hold the API's error texts.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String INVALID_REQUEST = "Invalid request";
    static final String UNAVAILABLE = "Sandbox service not available";
    static final String CREATE_FAILED = "Failed to create sandbox";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "Not found";
    static final String METHOD_NOT_ALLOWED = "Method not allowed";
    static final String CONFLICT = "Conflict";
    static final String TOO_LARGE = "Payload too large";
    static final String UNSUPPORTED_MEDIA_TYPE = "Unsupported media type";
    static final String TOO_MANY_REQUESTS = "Too many requests";
    static final String HEADERS_TOO_LARGE = "Request header fields too large";
    static final String INTERNAL = "Internal server error";

    private final int status;
    private final String error;
    private final transient Map<String, String> headers;

    ApiError(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    ApiError(int status, String error, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static ApiError invalid(String message) {
        return new ApiError(400, INVALID_REQUEST, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, NOT_FOUND, message);
    }

    static ApiError sandboxNotFound(String sandboxId) {
        return notFound("No sandbox with id " + sandboxId);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** Extra response headers, such as {@code Retry-After} or {@code Allow}. */
    Map<String, String> headers() {
        return headers;
    }

    /** The body the client receives, {@code error} first as in the guide. */
    Map<String, Object> body() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", error);
        body.put("message", getMessage());
        return body;
    }
}
