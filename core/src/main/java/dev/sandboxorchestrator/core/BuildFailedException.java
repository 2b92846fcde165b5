package dev.sandboxorchestrator.core;

/**
 * The project's build failed. Carries the parsed {@link BuildFailure} (diagnostics with file, line and
 * message) that a {@link dev.sandboxorchestrator.core.spi.CodeGenerator} can use to repair the code.
 */
public class BuildFailedException extends PhaseFailedException {
    private static final long serialVersionUID = 1L;

    private final transient BuildFailure failure;

    public BuildFailedException(String sandboxId, BuildFailure failure) {
        super(Phase.BUILD, sandboxId, failure.summary(), failure.logTail());
        this.failure = failure;
    }

    /** The diagnostics of the failed build. */
    public BuildFailure failure() {
        return failure;
    }
}
