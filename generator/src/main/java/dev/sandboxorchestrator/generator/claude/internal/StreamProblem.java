package dev.sandboxorchestrator.generator.claude.internal;

/** Something wrong inside a 200 response: an {@code error} event, bad JSON, a stream that ended early. Not API. */
final class StreamProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorType;

    StreamProblem(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    String errorType() {
        return errorType;
    }
}
