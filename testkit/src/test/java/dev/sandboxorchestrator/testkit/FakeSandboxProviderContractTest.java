package dev.sandboxorchestrator.testkit;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.spi.SandboxProvider;

class FakeSandboxProviderContractTest extends SandboxProviderContract {
    @Override
    protected SandboxProvider createProvider() {
        return new FakeSandboxProvider().onCommand(command -> {
            String script = command.display();
            if (script.startsWith("exit ")) {
                return new dev.sandboxorchestrator.core.ExecResult(Integer.parseInt(script.substring(5)), "", null);
            }
            return new dev.sandboxorchestrator.core.ExecResult(0, script.replace("echo ", ""), null);
        });
    }

    @Override
    protected Command appCommand() {
        return Command.of("fake-app");
    }

    @Override
    protected String expectedBody() {
        return "fake app contract-app";
    }
}
