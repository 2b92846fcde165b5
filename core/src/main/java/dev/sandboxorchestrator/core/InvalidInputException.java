package dev.sandboxorchestrator.core;

/**
 * Input was rejected before anything was created: a file path escapes the project, a limit was exceeded,
 * content is not what it was declared to be. {@link #field()} names the offending field or file.
 */
public class InvalidInputException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(reason.startsWith(field + " ") ? reason : field + ": " + reason, Phase.VALIDATE, null);
        this.field = field;
        this.reason = reason;
    }

    /** Why it was rejected, without the field name in front. */
    public String reason() {
        return reason;
    }

    /** The field or file path that was rejected. */
    public String field() {
        return field;
    }
}
