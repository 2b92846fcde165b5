package dev.sandboxorchestrator.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A remote service (Daytona, Anthropic) answered with an error, or could not be reached. Carries what a
 * caller needs to decide what to do: the HTTP status (0 when no response came), the service's own error
 * type and message, the request path, the request id for support, the attempts made and any retry-after.
 */
public class ServiceException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;
    private final String errorType;
    private final String serviceMessage;
    private final String path;
    private final String requestId;
    private final int attempts;
    private final Duration retryAfter;

    public ServiceException(String service, int status, String errorType, String serviceMessage, String path,
            String requestId, int attempts, Duration retryAfter, Throwable cause) {
        super(message(service, status, errorType, serviceMessage, path, requestId, attempts), cause);
        this.service = service;
        this.status = status;
        this.errorType = errorType;
        this.serviceMessage = serviceMessage;
        this.path = path;
        this.requestId = requestId;
        this.attempts = attempts;
        this.retryAfter = retryAfter;
    }

    private static String message(String service, int status, String errorType, String serviceMessage, String path,
            String requestId, int attempts) {
        StringBuilder message = new StringBuilder(service);
        message.append(status == 0 ? " could not be reached" : " answered HTTP " + status);
        if (path != null) {
            message.append(" for ").append(path);
        }
        if (errorType != null && !errorType.isBlank()) {
            message.append(" (").append(errorType).append(')');
        }
        if (serviceMessage != null && !serviceMessage.isBlank()) {
            message.append(": ").append(serviceMessage);
        }
        if (requestId != null) {
            message.append(" [request id ").append(requestId).append(']');
        }
        if (attempts > 1) {
            message.append(" after ").append(attempts).append(" attempts");
        }
        return message.toString();
    }

    public String service() {
        return service;
    }

    /** The HTTP status, or 0 when the service could not be reached at all. */
    public int status() {
        return status;
    }

    /** The service's error type or code, when it gave one. */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /** The service's own error message, when it gave one. */
    public Optional<String> serviceMessage() {
        return Optional.ofNullable(serviceMessage);
    }

    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** How many attempts were made, retries included. */
    public int attempts() {
        return attempts;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
