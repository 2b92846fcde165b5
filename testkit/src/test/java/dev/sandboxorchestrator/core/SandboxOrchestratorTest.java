package dev.sandboxorchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.testkit.FakeSandboxProvider;
import dev.sandboxorchestrator.testkit.RecordingListener;
import dev.sandboxorchestrator.testkit.StaticConverter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The orchestrator's pipeline against a fake provider: order, events, validation, cleanup. */
class SandboxOrchestratorTest {
    private static final Map<String, String> CODE = Map.of("package.json", "{\"name\":\"x\"}", "app/page.tsx", "export default 1");

    private final FakeSandboxProvider provider = new FakeSandboxProvider();
    private final RecordingListener events = new RecordingListener();
    private SandboxOrchestrator orchestrator;

    private SandboxOrchestrator orchestrator(SandboxOrchestrator.Builder builder) {
        orchestrator = builder.provider(provider).converter(new StaticConverter()).listener(events).build();
        return orchestrator;
    }

    private SandboxOrchestrator orchestrator() {
        return orchestrator(SandboxOrchestrator.builder().sessionId("s-1").label(SandboxOrchestrator.LABEL_OWNER, "alice"));
    }

    @AfterEach
    void close() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        provider.close();
    }

    @Test
    void deployRunsEveryPhaseInOrderAndReturnsAnAnsweringPreview() throws Exception {
        Preview preview = orchestrator().deploy(CODE, SandboxSpec.named("shop"));

        assertThat(events.startedPhases()).containsExactly(Phase.VALIDATE, Phase.CONVERT, Phase.CREATE, Phase.UPLOAD,
                Phase.INSTALL, Phase.BUILD, Phase.START, Phase.READY);
        assertThat(provider.calls()).containsExactly("create shop", "writeFiles fake-1 2", "restoreDependencies fake-1 false",
                "exec fake-1 npm install", "exec fake-1 npm run build", "startBackground fake-1 npm start");
        assertThat(preview.sandboxId()).isEqualTo("fake-1");
        assertThat(preview.name()).isEqualTo("shop");
        assertThat(preview.status()).isEqualTo(SandboxStatus.RUNNING);
        assertThat(preview.timings()).containsKeys(Phase.CONVERT, Phase.CREATE, Phase.UPLOAD, Phase.INSTALL, Phase.BUILD, Phase.START, Phase.READY);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(preview.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("fake app shop");
        assertThat(events.events(SandboxEvent.Ready.class)).singleElement().extracting(SandboxEvent.Ready::preview).isEqualTo(preview);
        assertThat(events.events(SandboxEvent.FileWritten.class)).extracting(SandboxEvent.FileWritten::path)
                .containsExactlyInAnyOrder("package.json", "app/page.tsx");
    }

    @Test
    void everySandboxIsLabelledWithSessionAppAndOwner() {
        orchestrator().deploy(CODE, SandboxSpec.named("shop"));
        assertThat(provider.get("fake-1").labels()).containsEntry(SandboxOrchestrator.LABEL_SESSION, "s-1")
                .containsEntry(SandboxOrchestrator.LABEL_APP, "shop").containsEntry(SandboxOrchestrator.LABEL_OWNER, "alice");
        assertThat(orchestrator.list(Map.of(SandboxOrchestrator.LABEL_OWNER, "alice"))).hasSize(1);
        assertThat(orchestrator.list(Map.of(SandboxOrchestrator.LABEL_OWNER, "bob"))).isEmpty();
    }

    @Test
    void aDependencyCacheHitSkipsInstall() {
        provider.dependencyCacheHit(true);
        orchestrator().deploy(CODE, SandboxSpec.named("cached"));
        assertThat(provider.calls()).noneMatch(call -> call.contains("npm install"));
        assertThat(events.events(SandboxEvent.Progress.class)).extracting(SandboxEvent.Progress::message)
                .contains("dependencies restored from the cache; install skipped");
    }

    @Test
    void invalidInputIsRejectedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> orchestrator().deploy(Map.of("../../etc/passwd", "x"), SandboxSpec.named("evil")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("../../etc/passwd: path escapes the project ('..')");
        assertThat(provider.calls()).isEmpty();
    }

    @Test
    void aFailedBuildDeletesTheSandboxAndThrowsWithPhaseAndLogTail() {
        provider.failCommand("npm run build", 1, "Failed to compile.\n\n./app/page.tsx:1:16\nType error: Type 'number' is not a component.\n");
        assertThatThrownBy(() -> orchestrator().deploy(CODE, SandboxSpec.named("broken")))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("build failed in sandbox fake-1: app/page.tsx:1:16 type-error Type 'number' is not a component.")
                .hasMessageContaining("--- last lines of the build log ---")
                .satisfies(e -> assertThat(((BuildFailedException) e).failure().diagnostics()).hasSize(1));
        assertThat(provider.ids()).isEmpty();
        assertThat(provider.calls()).last().isEqualTo("delete fake-1");
        assertThat(events.events(SandboxEvent.Failed.class)).singleElement().extracting(SandboxEvent.Failed::phase).isEqualTo(Phase.BUILD);
    }

    @Test
    void aFailedInstallIsReportedAsTheInstallPhase() {
        provider.failCommand("npm install", 1, "npm ERR! code E404\nnpm ERR! 404 Not Found - left-pad-9");
        assertThatThrownBy(() -> orchestrator().deploy(CODE, SandboxSpec.named("deps")))
                .isInstanceOf(PhaseFailedException.class)
                .hasMessageStartingWith("install failed in sandbox fake-1: 'npm install' exited with 1")
                .hasMessageContaining("404 Not Found - left-pad-9");
        assertThat(provider.ids()).isEmpty();
    }

    @Test
    void anAppThatDiesFailsFastInsteadOfWaitingForTheTimeout() {
        provider.appAnswers(false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> orchestrator().deploy(CODE, SandboxSpec.named("dies")))
                .isInstanceOf(PhaseFailedException.class)
                .hasMessageStartingWith("start failed in sandbox fake-1: the app exited with 1 before it answered");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(provider.ids()).isEmpty();
    }

    @Test
    void keepFailedSandboxesKeepsTheSandboxForDebugging() {
        provider.failCommand("npm run build", 2, "boom");
        assertThatThrownBy(() -> orchestrator(SandboxOrchestrator.builder().keepFailedSandboxes(true)).deploy(CODE, SandboxSpec.named("kept")))
                .isInstanceOf(BuildFailedException.class);
        assertThat(provider.ids()).containsExactly("fake-1");
    }

    @Test
    void aFailedCreateHasNothingToCleanUp() {
        provider.failCreate(new ServiceUnavailableException("no capacity"));
        assertThatThrownBy(() -> orchestrator().deploy(CODE, SandboxSpec.named("x")))
                .isInstanceOf(ServiceUnavailableException.class).hasMessage("Sandbox service not available: no capacity");
        assertThat(provider.calls()).containsExactly("create x");
    }

    @Test
    void customBuildAndStartScriptsReplaceTheProjectsOwn() {
        orchestrator().deploy(GeneratedCode.of(CODE), SandboxSpec.builder("scripts").buildScript("npm run build:prod")
                .startScript("node server.js").build(), null);
        assertThat(provider.calls()).contains("exec fake-1 npm run build:prod", "startBackground fake-1 node server.js");
    }

    @Test
    void closeStopsEverythingTheOrchestratorStartedAndIsIdempotent() {
        orchestrator().deploy(CODE, SandboxSpec.named("a"));
        orchestrator.deploy(CODE, SandboxSpec.named("b"));
        assertThat(provider.runningApps()).isEqualTo(2);
        orchestrator.close();
        orchestrator.close();
        assertThat(provider.runningApps()).isZero();
        assertThat(provider.calls()).contains("stop fake-1", "stop fake-2");
    }

    @Test
    void stopOnCloseFalseLeavesSandboxesRunning() {
        orchestrator(SandboxOrchestrator.builder().stopOnClose(false)).deploy(CODE, SandboxSpec.named("a"));
        orchestrator.close();
        assertThat(provider.runningApps()).isEqualTo(1);
    }

    @Test
    void stopAndStartBringTheAppBack() {
        Preview preview = orchestrator().deploy(CODE, SandboxSpec.named("cycle"));
        orchestrator.stop(preview.sandboxId());
        assertThat(orchestrator.status(preview.sandboxId()).status()).isEqualTo(SandboxStatus.STOPPED);
        Preview again = orchestrator.start(preview.sandboxId());
        assertThat(again.status()).isEqualTo(SandboxStatus.RUNNING);
        orchestrator.delete(preview.sandboxId());
        assertThatThrownBy(() -> orchestrator.status(preview.sandboxId())).isInstanceOf(SandboxNotFoundException.class)
                .hasMessage("No sandbox with id fake-1");
    }

    @Test
    void aListenerThatThrowsDoesNotStopThePipeline() {
        orchestrator = SandboxOrchestrator.builder().provider(provider).converter(new StaticConverter())
                .listener(event -> {
                    throw new IllegalStateException("listener bug");
                }).listener(events).build();
        assertThat(orchestrator.deploy(CODE, SandboxSpec.named("ok")).status()).isEqualTo(SandboxStatus.RUNNING);
        assertThat(events.events(SandboxEvent.Ready.class)).hasSize(1);
    }

    @Test
    void generateNamesTheSandboxAfterTheGeneratedTitleAndSumsUsage() {
        CodeGenerator generator = new CodeGenerator() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public GeneratedCode generate(GenerationRequest request, SandboxListener listener) {
                return new GeneratedCode(GeneratedCode.of(CODE).files(), "Coffee Club", "", null, null, new TokenUsage(10, 20, 0, 5));
            }
        };
        Preview preview = orchestrator(SandboxOrchestrator.builder().generator(generator)).generate("a coffee club");
        assertThat(preview.name()).matches("coffee-club-[0-9a-f]{4}");
        assertThat(preview.usage()).isEqualTo(new TokenUsage(10, 20, 0, 5));
        assertThat(events.startedPhases()).startsWith(Phase.GENERATE, Phase.VALIDATE);
    }

    @Test
    void asyncDeployCompletesWithThePreview() throws Exception {
        Preview preview = orchestrator().deployAsync(GeneratedCode.of(CODE), SandboxSpec.named("async"), null).get(10, TimeUnit.SECONDS);
        assertThat(preview.url()).isNotNull();
        assertThat(URI.create(preview.url().toString()).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void refineIsRefusedForSandboxesThisOrchestratorDidNotDeploy() {
        assertThatThrownBy(() -> orchestrator().refine("sbx-unknown", "make it blue", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("sandboxId: refine works on sandboxes this orchestrator deployed; sbx-unknown is not one");
    }
}
