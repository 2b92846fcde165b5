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
        throw new ServiceUnavailableException("the Daytona provider is not wired into this program yet");
    }

    static CodeGenerator claude(Map<String, String> env) {
        throw new ServiceUnavailableException("the Claude generator is not wired into this program yet");
    }
}
