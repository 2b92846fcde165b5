package dev.sandboxorchestrator.core.spi;

import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.SandboxListener;

/**
 * Produces code from a prompt. Implementations must be thread-safe. Progress (files starting and finishing,
 * tokens used) goes to {@code events}.
 */
public interface CodeGenerator {
    /** A short name for messages and metadata, e.g. {@code template} or {@code claude}. */
    String name();

    GeneratedCode generate(GenerationRequest request, SandboxListener events);

    /** Whether {@link #repair} and {@link #refine} are supported. */
    default boolean canRepair() {
        return false;
    }

    /**
     * Returns only the files that must change so that the build no longer fails as {@code failure} says.
     * The orchestrator applies them as edits over {@code current}.
     */
    default GeneratedCode repair(GeneratedCode current, BuildFailure failure, SandboxListener events) {
        throw new UnsupportedOperationException(name() + " cannot repair code");
    }

    /** Returns only the files that must change to carry out {@code request} on {@code current}. */
    default GeneratedCode refine(GeneratedCode current, String request, SandboxListener events) {
        throw new UnsupportedOperationException(name() + " cannot refine code");
    }
}
