package dev.sandboxorchestrator.testkit;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The local provider passes the provider contract, with real processes (isolated by bubblewrap where installed). */
class LocalSandboxProviderContractIT extends SandboxProviderContract {
    @TempDir
    Path root;

    @Override
    protected SandboxProvider createProvider() {
        return LocalSandboxProvider.builder().root(root).build();
    }

    @Override
    protected Command appCommand() {
        return Command.of("node", "-e",
                "require('http').createServer((q, s) => s.end('contract-ok')).listen(+process.env.PORT, process.env.HOST)");
    }
}
