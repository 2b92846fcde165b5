package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.util.Map;

/** The remote services, configured from the environment. */
final class Integrations {
    private Integrations() {
    }

    static SandboxProvider daytona(Map<String, String> env) {
        return dev.sandboxorchestrator.daytona.DaytonaSandboxProvider.fromEnvironment(env);
    }

    static CodeGenerator claude(Map<String, String> env) {
        return dev.sandboxorchestrator.generator.claude.ClaudeCodeGenerator.fromEnvironment(env);
    }
}
