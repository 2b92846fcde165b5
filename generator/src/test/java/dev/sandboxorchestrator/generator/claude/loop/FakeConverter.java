package dev.sandboxorchestrator.generator.claude.loop;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.RunPlan;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.util.List;

/** Takes the files as they are and runs them with the fake provider's commands. */
public final class FakeConverter implements ProjectConverter {
    @Override
    public Project convert(GeneratedCode code) {
        return new Project(code.files(), new RunPlan(Command.of("install"), Command.of("build"), Command.of("start"), 3000, "/",
                List.of("package.json")), null);
    }
}
