package dev.sandboxorchestrator.daytona;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import java.time.Duration;
import java.util.Map;

/** The README's Java examples, compiled with the tests so that they keep compiling ({@link ReadmeTest} checks they match). */
final class ReadmeExamples {
    private ReadmeExamples() {
    }

    static void orchestrator() {
        // README:begin orchestrator
        // DAYTONA_API_KEY must be set; DAYTONA_API_URL and DAYTONA_TARGET are optional.
        try (DaytonaSandboxProvider daytona = DaytonaSandboxProvider.fromEnvironment(System.getenv());
             SandboxOrchestrator orchestrator = SandboxOrchestrator.builder()
                     .provider(daytona)
                     .stopOnClose(false) // the preview keeps running under its Daytona auto-stop
                     .build()) {
            Preview preview = orchestrator.generate("A landing page for a coffee subscription");
            System.out.println("Open " + preview.url());
            preview.link().expiry().ifPresent(until -> System.out.println("Link valid until " + until));
        }
        // README:end
    }

    static void client() {
        // README:begin client
        try (DaytonaClient client = DaytonaClient.fromEnvironment(System.getenv())) {
            Sandbox sandbox = client.sandboxes().create(CreateSandboxRequest.builder()
                    .snapshot("daytona-small").name("scratch").autoStop(Duration.ofMinutes(30)).build());
            sandbox = client.sandboxes().waitFor(sandbox.id(), SandboxState.STARTED, Duration.ofMinutes(1));
            Toolbox toolbox = client.toolbox(sandbox);
            toolbox.uploadFiles(Map.of("/home/daytona/app/index.js", "console.log('hi')".getBytes(UTF_8)));
            CommandResult result = toolbox.execute("node index.js", "/home/daytona/app", Map.of(), Duration.ofSeconds(30));
            System.out.println(result.exitCode() + ": " + result.output());
            client.sandboxes().delete(sandbox.id());
        }
        // README:end
    }
}
