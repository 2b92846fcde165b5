package dev.sandboxorchestrator.examples.browser;

import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import java.util.Optional;

/**
 * The browser failed: chromedriver or Chromium did not start, a WebDriver command was refused (no such
 * element, a script threw), or a wait timed out. The message says which command failed and why; {@link #error()}
 * carries the W3C error code (for example {@code "no such element"}) when the driver sent one.
 */
public class BrowserException extends SandboxOrchestratorException {
    private static final long serialVersionUID = 1L;

    private final String error;

    public BrowserException(String message) {
        this(message, null, null);
    }

    public BrowserException(String message, Throwable cause) {
        this(message, null, cause);
    }

    BrowserException(String message, String error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** The W3C WebDriver error code, when the driver answered with one. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
