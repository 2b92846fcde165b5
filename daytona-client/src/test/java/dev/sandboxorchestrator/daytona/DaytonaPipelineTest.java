package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.BuildFailedException;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.PhaseFailedException;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline on the stateful fake, through {@link SandboxOrchestrator}: success, and failure in each phase. */
class DaytonaPipelineTest {
    private FakeDaytona fake;
    private DaytonaClient client;
    private DaytonaSandboxProvider provider;
    private SandboxOrchestrator orchestrator;
    private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDaytona();
        client = fake.clientBuilder().build();
        provider = DaytonaSandboxProvider.builder(client).owner("alice@laptop").dependencySnapshots(false).build();
        orchestrator = SandboxOrchestrator.builder().provider(provider).converter(new TestProjects.PassThroughConverter())
                .generator(new TestProjects.FixedGenerator()).listener(events::add).readyTimeout(Duration.ofSeconds(2))
                .stopOnClose(false).sessionId("s-42").build();
    }

    @AfterEach
    void stop() throws Exception {
        orchestrator.close();
        provider.close();
        client.close();
        fake.close();
    }

    @Test
    void deployCreatesUploadsInstallsBuildsStartsAndReturnsASignedUrlThatOpensAsItIs() throws Exception {
        Preview preview = orchestrator.deploy(TestProjects.code(5), SandboxSpec.builder("coffee-landing").autoStop(Duration.ofHours(2)).build(),
                null);

        FakeSandbox sandbox = fake.sandboxes.get(preview.sandboxId());
        assertThat(sandbox.labels).containsEntry(SandboxOrchestrator.LABEL_SESSION, "s-42")
                .containsEntry(SandboxOrchestrator.LABEL_APP, "coffee-landing").containsEntry(SandboxOrchestrator.LABEL_OWNER, "alice@laptop")
                .containsEntry(DaytonaSandboxProvider.LABEL_MANAGED, "true").containsKey(DaytonaSandboxProvider.LABEL_LEASE)
                .containsKey(Sandboxes.CREATE_TOKEN_LABEL);
        assertThat(sandbox.autoStopMinutes).isEqualTo(120);
        assertThat(sandbox.files).containsKeys("/home/daytona/app/app/page.tsx", "/home/daytona/app/package.json");
        assertThat(fake.toolbox.uploadLayouts).hasSize(1);
        assertThat(fake.commandsRun()).anySatisfy(command -> assertThat(command).endsWith("sh -c 'npm install'"))
                .anySatisfy(command -> assertThat(command).endsWith("sh -c 'npm run build'"));
        assertThat(preview.url().getHost()).isEqualTo("localhost");
        assertThat(preview.link().expiry()).isPresent();
        assertThat(preview.link().headers()).containsEntry(Previews.TOKEN_HEADER, sandbox.token);
        assertThat(sandbox.signedTtls).containsExactly(3600);
        assertThat(fake.probes.get()).isPositive();
        assertThat(events).anySatisfy(event -> assertThat(event).isEqualTo(new SandboxEvent.LogLine(Phase.INSTALL,
                SandboxEvent.Stream.STDERR, "npm warn deprecated glob@7.2.3", event.at())));
        assertThat(events).anySatisfy(event -> assertThat(event).isEqualTo(new SandboxEvent.LogLine(Phase.START,
                SandboxEvent.Stream.STDOUT, "ready on http://0.0.0.0:3000", event.at())));
    }

    @Test
    void creationFailureCarriesDaytonasMessageAndLeavesNoSandbox() {
        fake.createFailure = LoopbackServer.Response.json(400,
                "{\"statusCode\":400,\"message\":\"Snapshot daytona-small not found\",\"error\":\"Bad Request\"}");

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("broken"), null))
                .isInstanceOf(ServiceException.class)
                .hasMessage("Daytona answered HTTP 400 for /api/sandbox (Bad Request): Snapshot daytona-small not found");
        assertThat(fake.sandboxes).isEmpty();
    }

    @Test
    void sandboxThatFailsToStartIsDeletedAndTheReasonIsGiven() {
        fake.createdState = "error";

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("no-runner"), null))
                .isInstanceOf(SandboxOrchestratorException.class)
                .hasMessage("Daytona sandbox sbx1 is error instead of started: no runner available in region us");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void uploadFailureDeletesTheSandbox() {
        fake.uploadFailure = LoopbackServer.Response.json(507, "{\"statusCode\":507,\"message\":\"no space left on device\",\"code\":\"INSUFFICIENT_STORAGE\"}");

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("full-disk"), null))
                .isInstanceOf(ServiceException.class)
                .hasMessage("Daytona answered HTTP 507 for /toolbox/sbx1/files/bulk-upload (INSUFFICIENT_STORAGE): no space left on device");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void installFailureNamesThePhaseCarriesTheLogAndDeletesTheSandbox() {
        fake.behaviour = command -> command.contains("npm install") ? FakeDaytona.Run.fail(1, "npm ERR! code E404", "npm ERR! 404 Not Found - left-pad")
                : FakeDaytona.defaultRun(command);

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("bad-deps"), null))
                .isInstanceOfSatisfying(PhaseFailedException.class, e -> assertThat(e.phase()).contains(Phase.INSTALL))
                .hasMessageStartingWith("install failed in sandbox sbx1: 'npm install' exited with 1")
                .hasMessageContaining("npm ERR! 404 Not Found - left-pad");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void buildFailureIsABuildFailedExceptionWithTheErrorsAndDeletesTheSandbox() {
        fake.behaviour = command -> command.contains("npm run build")
                ? FakeDaytona.Run.fail(1, "./app/page.tsx:1:10", "Type error: Cannot find name 'Hero'.")
                : FakeDaytona.defaultRun(command);

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("type-error"), null))
                .isInstanceOfSatisfying(BuildFailedException.class, e -> assertThat(e.failure().diagnostics()).hasSize(1))
                .hasMessageContaining("Cannot find name 'Hero'");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void appThatExitsFailsTheStartPhaseWithItsOutputAndDeletesTheSandbox() {
        fake.behaviour = command -> command.contains(".sandbox-orchestrator/start.sh")
                ? new FakeDaytona.Run(1, List.of(), List.of("Error: Cannot find module 'next'"), true)
                : FakeDaytona.defaultRun(command);

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("crashes"), null))
                .isInstanceOfSatisfying(PhaseFailedException.class, e -> assertThat(e.phase()).contains(Phase.START))
                .hasMessageContaining("the app exited with 1 before it answered")
                .hasMessageContaining("Error: Cannot find module 'next'");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void previewThatNeverAnswers200TimesOutAndDeletesTheSandbox() {
        fake.appNeverReady = true;

        assertThatThrownBy(() -> orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("slow"), null))
                .isInstanceOf(SandboxTimeoutException.class)
                .hasMessageContaining("Last answer: HTTP 503.");
        assertThat(fake.deleted).containsExactly("sbx1");
    }

    @Test
    void withoutAWebSocketTheLogsArePolledAndThePipelineStillCompletes() {
        fake.webSocketRefused = true;

        Preview preview = orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("no-websocket"), null);

        assertThat(preview.url()).isNotNull();
        assertThat(events).anySatisfy(event -> assertThat(event).isEqualTo(new SandboxEvent.LogLine(Phase.INSTALL,
                SandboxEvent.Stream.STDOUT, "added 312 packages in 9s", event.at())));
    }

    @Test
    void lifecycleCommandsWorkOnDaytonaSandboxes() {
        Preview preview = orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("lifecycle"), null);
        String id = preview.sandboxId();

        assertThat(orchestrator.list(Map.of())).extracting(info -> info.id()).containsExactly(id);
        assertThat(orchestrator.list(Map.of(SandboxOrchestrator.LABEL_APP, "other"))).isEmpty();
        assertThat(orchestrator.status(id).status()).isEqualTo(dev.sandboxorchestrator.core.SandboxStatus.RUNNING);
        assertThat(orchestrator.logs(id)).contains("=== $ npm install", "added 312 packages in 9s", "=== $ npm run build",
                "=== exit code 0", "=== $ the app (its saved start script)", "ready on http://0.0.0.0:3000");

        orchestrator.stop(id);
        assertThat(orchestrator.status(id).status()).isEqualTo(dev.sandboxorchestrator.core.SandboxStatus.STOPPED);
        assertThat(orchestrator.logs(id)).contains("is stopped");

        Preview again = orchestrator.start(id);
        assertThat(again.link().headers()).containsEntry(Previews.TOKEN_HEADER, fake.sandboxes.get(id).token);
        assertThat(fake.sandboxes.get(id).preview.running).isTrue();

        orchestrator.delete(id);
        assertThat(fake.deleted).containsExactly(id);
        orchestrator.delete(id);
    }

    @Test
    void unknownSandboxIsReportedAsNotFound() {
        assertThatThrownBy(() -> orchestrator.status("sbx-missing"))
                .isInstanceOf(dev.sandboxorchestrator.core.SandboxNotFoundException.class)
                .hasMessage("No sandbox with id sbx-missing");
    }
}
