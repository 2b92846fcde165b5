package dev.sandboxorchestrator.testkit;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.RunPlan;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.util.List;

/**
 * A {@link ProjectConverter} for tests that keeps the files as they are and runs {@code npm install},
 * {@code npm run build} and {@code npm start}, with {@code package.json} as the dependency manifest.
 */
public final class StaticConverter implements ProjectConverter {
    public static final RunPlan PLAN = new RunPlan(Command.of("npm", "install"), Command.of("npm", "run", "build"),
            Command.of("npm", "start"), 3000, "/", List.of("package.json"));

    @Override
    public Project convert(GeneratedCode code) {
        return new Project(code.files(), PLAN, null);
    }
}
