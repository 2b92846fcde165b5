package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.generator.template.TemplateCodeGenerator;
import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the parts from the environment and the command line: Daytona when {@code DAYTONA_API_KEY} is set,
 * the local provider otherwise ({@code --provider} overrides); Claude when {@code ANTHROPIC_API_KEY} is set,
 * the template generator otherwise ({@code --generator} overrides).
 */
public final class Setup {
    private final Map<String, String> env;

    public Setup(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public String providerName(Optional<String> requested) {
        return requested.orElse(has("DAYTONA_API_KEY") ? "daytona" : LocalSandboxProvider.NAME);
    }

    public String generatorName(Optional<String> requested) {
        return requested.orElse(has("ANTHROPIC_API_KEY") ? "claude" : TemplateCodeGenerator.NAME);
    }

    public SandboxProvider provider(String name) {
        return switch (name) {
            case LocalSandboxProvider.NAME -> LocalSandboxProvider.builder().root(localRoot()).build();
            case "daytona" -> Integrations.daytona(env);
            default -> throw new InvalidInputException("--provider", "must be 'local' or 'daytona', not '" + name + "'");
        };
    }

    public CodeGenerator generator(String name) {
        return switch (name) {
            case TemplateCodeGenerator.NAME -> new TemplateCodeGenerator();
            case "claude" -> Integrations.claude(env);
            default -> throw new InvalidInputException("--generator", "must be 'template' or 'claude', not '" + name + "'");
        };
    }

    /** An orchestrator on these parts; local sandboxes are stopped on close, remote ones keep running. */
    public SandboxOrchestrator orchestrator(SandboxProvider provider, CodeGenerator generator, SandboxListener listener, boolean keepFailed) {
        return SandboxOrchestrator.builder().provider(provider).generator(generator).converter(new NextJsProjectConverter())
                .listener(listener).keepFailedSandboxes(keepFailed)
                .stopOnClose(provider instanceof LocalSandboxProvider).build();
    }

    private java.nio.file.Path localRoot() {
        String root = env.get("SANDBOX_ROOT");
        return root == null || root.isBlank() ? LocalSandboxProvider.defaultRoot() : java.nio.file.Path.of(root);
    }

    private boolean has(String variable) {
        String value = env.get(variable);
        return value != null && !value.isBlank();
    }
}
