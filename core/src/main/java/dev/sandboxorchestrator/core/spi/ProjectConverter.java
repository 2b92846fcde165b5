package dev.sandboxorchestrator.core.spi;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;

/**
 * Turns generated code (HTML/CSS/JS, or ready framework files) into a {@link Project} that builds and runs.
 * Implementations must be thread-safe and must not touch the file system or network: input in, project out.
 */
public interface ProjectConverter {
    /**
     * @throws dev.sandboxorchestrator.core.InvalidInputException when the code cannot be made into a project,
     *         naming the file and why
     */
    Project convert(GeneratedCode code);
}
