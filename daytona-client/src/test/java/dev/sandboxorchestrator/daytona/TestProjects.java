package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.RunPlan;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A trivial generator and converter, so that the pipeline tests exercise the provider, not the plug-ins. */
final class TestProjects {
    static final String PACKAGE_JSON = "{\"name\":\"app\",\"scripts\":{\"build\":\"next build\",\"start\":\"next start\"},"
            + "\"dependencies\":{\"next\":\"15.5.29\"}}";

    private TestProjects() {
    }

    /** Uses the generated files as they are, plus a package.json, with npm install / build / start. */
    static final class PassThroughConverter implements ProjectConverter {
        @Override
        public Project convert(GeneratedCode code) {
            Map<String, FileContent> files = new LinkedHashMap<>(code.files());
            files.putIfAbsent("package.json", FileContent.text(PACKAGE_JSON));
            RunPlan plan = new RunPlan(Command.shell("npm install"), Command.shell("npm run build"), Command.shell("npm start"), 3000, "/",
                    List.of("package.json"));
            return new Project(files, plan, null);
        }
    }

    /** Returns a fixed page for any prompt. */
    static final class FixedGenerator implements CodeGenerator {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public GeneratedCode generate(GenerationRequest request, SandboxListener events) {
            return code(3);
        }

        @Override
        public boolean canRepair() {
            return false;
        }

        @Override
        public GeneratedCode repair(GeneratedCode current, BuildFailure failure, SandboxListener events) {
            throw new UnsupportedOperationException();
        }
    }

    /** Code that converts to a project of {@code count} files: a page, components, and the package.json the converter adds. */
    static GeneratedCode code(int count) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("app/page.tsx", "export default function Page() { return <h1>Hello</h1>; }\n");
        for (int i = 1; i < count - 1; i++) {
            files.put("app/components/Part" + i + ".tsx", "export const Part" + i + " = () => <p>part " + i + "</p>;\n");
        }
        return GeneratedCode.of(files);
    }
}
