package dev.sandboxorchestrator.examples.server;

import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.generator.template.TemplateCodeGenerator;
import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The API server on the real parts: the local provider, the Next.js converter and the offline template
 * generator. Its sandboxes live under target/it-sandboxes, whose dependency cache the other ITs share, so
 * only the first install of a run is slow.
 */
final class RealServer implements AutoCloseable {
    static final Path ROOT = Path.of("target", "it-sandboxes").toAbsolutePath();
    static final String TOKEN = "it-token-" + Long.toHexString(System.nanoTime()) + "-0123456789";

    final LocalSandboxProvider provider = LocalSandboxProvider.builder().root(ROOT).build();
    final SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().provider(provider).converter(new NextJsProjectConverter())
            .generator(new TemplateCodeGenerator()).readyTimeout(Duration.ofMinutes(2)).build();
    final ApiServer server;
    private final String owner;

    /** Each instance has its own owner, so a test sees only the sandboxes it made even with a shared root. */
    RealServer(String owner) {
        this.owner = owner;
        server = ApiServer.builder().orchestrator(orchestrator).port(0).tokens(ApiTokens.parse(owner + "=" + TOKEN)).build().start();
    }

    /** Stops the server and deletes whatever sandboxes of its owner a failed test left behind. */
    @Override
    public void close() {
        try {
            server.close();
            orchestrator.list(Map.of(SandboxOrchestrator.LABEL_OWNER, owner)).forEach(left -> orchestrator.delete(left.id()));
            orchestrator.close();
        } finally {
            provider.close();
        }
    }
}
