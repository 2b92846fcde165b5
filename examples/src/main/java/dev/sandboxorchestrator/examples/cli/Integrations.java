package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.daytona.DaytonaSandboxProvider;
import dev.sandboxorchestrator.generator.claude.ClaudeCodeGenerator;
import java.util.Map;

/** The remote services, configured from the environment; each says how to configure it when it is not. */
final class Integrations {
    private Integrations() {
    }

    static SandboxProvider daytona(Map<String, String> env) {
        return DaytonaSandboxProvider.fromEnvironment(env);
    }

    static CodeGenerator claude(Map<String, String> env) {
        return ClaudeCodeGenerator.fromEnvironment(env);
    }
}
