package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider's own behaviour on the stateful fake: fast path, previews, keep-alive, timeouts, configuration. */
class DaytonaSandboxProviderTest {
    private FakeDaytona fake;
    private DaytonaClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeDaytona();
        client = fake.clientBuilder().build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fake.close();
    }

    private SandboxOrchestrator orchestrator(DaytonaSandboxProvider provider, List<SandboxEvent> events) {
        return SandboxOrchestrator.builder().provider(provider).converter(new TestProjects.PassThroughConverter())
                .generator(new TestProjects.FixedGenerator()).listener(events::add).stopOnClose(false).build();
    }

    @Test
    void firstInstallBuildsADependencySnapshotAndLaterSandboxesStartFromItWithoutInstalling() {
        List<SandboxEvent> events = new CopyOnWriteArrayList<>();
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build();
             SandboxOrchestrator orchestrator = orchestrator(provider, events)) {
            Preview first = orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("first"), null);
            String key = DependencySnapshots.key(Map.of("package.json", TestProjects.PACKAGE_JSON.getBytes(StandardCharsets.UTF_8)));
            String name = DependencySnapshots.NAME_PREFIX + key;
            assertThat(fake.dockerfiles.get(name)).startsWith("FROM daytonaio/sandbox:0.8.0\nRUN mkdir -p /home/daytona/app")
                    .contains(Base64.getEncoder().encodeToString(TestProjects.PACKAGE_JSON.getBytes(StandardCharsets.UTF_8)))
                    .contains("npm install --no-audit --no-fund", "> " + DependencySnapshots.MARKER);
            assertThat(fake.sandboxes.get(first.sandboxId()).snapshot).isEqualTo("daytona-small");

            fake.snapshots.put(name, "active");
            Preview second = orchestrator.deploy(TestProjects.code(3), SandboxSpec.named("second"), null);

            FakeSandbox sandbox = fake.sandboxes.get(second.sandboxId());
            assertThat(sandbox.snapshot).isEqualTo(name);
            assertThat(sandbox.labels).containsEntry(DaytonaSandboxProvider.LABEL_DEPENDENCIES, key);
            assertThat(sandbox.sessions.get(DaytonaSandboxProvider.BUILD_SESSION).commands.values())
                    .noneSatisfy(command -> assertThat(command.command).contains("npm install"));
            assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SandboxEvent.Progress.class,
                    progress -> assertThat(progress.message()).contains("pre-installed by Daytona snapshot " + name)));
        }
    }

    @Test
    void aDependencySnapshotThatCannotBeUsedFallsBackToTheBaseSnapshot() {
        String name = DependencySnapshots.NAME_PREFIX + "0123456789abcdef";
        fake.snapshots.put(name, "active");
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            fake.snapshots.put(name, "active");
            SandboxInfo found = provider.create(SandboxSpec.named("uses-recent"));
            assertThat(fake.sandboxes.get(found.id()).snapshot).isEqualTo(name);

            fake.snapshots.put(name, "inactive");
            SandboxInfo fallback = provider.create(SandboxSpec.named("falls-back"));
            assertThat(fake.sandboxes.get(fallback.id()).snapshot).isEqualTo("daytona-small");
        }
    }

    @Test
    void publicSandboxesGetTheirPlainPreviewUrlWithoutExpiry() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).publicPreview(true).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("open"));
            PreviewLink link = provider.preview(info.id());

            assertThat(link.url().toString()).isEqualTo(fake.sandboxes.get(info.id()).preview.url("127.0.0.1"));
            assertThat(link.expiresAt()).isNull();
            assertThat(fake.sandboxes.get(info.id()).signedTtls).isEmpty();
        }
    }

    @Test
    void privatePreviewIsSignedForTheConfiguredTimeAndItsToStringHidesTheToken() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).signedPreviewTtl(Duration.ofHours(24)).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("private"));
            PreviewLink link = provider.preview(info.id());

            assertThat(fake.sandboxes.get(info.id()).signedTtls).containsExactly(86_400);
            assertThat(link.expiresAt()).isNotNull();
            assertThat(link.headers()).containsEntry(Previews.SKIP_WARNING_HEADER, "true");
            assertThat(link.toString()).doesNotContain(fake.sandboxes.get(info.id()).token);
        }
    }

    @Test
    void commandThatOutlivesItsTimeoutIsKilledAndTheTimeoutSaysWhat() {
        fake.behaviour = command -> command.contains("sleep") ? new FakeDaytona.Run(0, List.of("still going"), List.of(), true)
                : FakeDaytona.defaultRun(command);
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("slow"));

            assertThatThrownBy(() -> provider.exec(info.id(), Command.shell("sleep 600").withTimeout(Duration.ofMillis(500)), LogListener.NONE))
                    .isInstanceOf(SandboxTimeoutException.class)
                    .hasMessageStartingWith("Timed out after 500 ms waiting for 'sleep 600' to finish in sandbox " + info.id())
                    .hasMessageContaining("still going");
            assertThat(fake.sandboxes.get(info.id()).sessions).doesNotContainKey(DaytonaSandboxProvider.BUILD_SESSION);

            ExecResult next = provider.exec(info.id(), Command.of("echo", "ok"), LogListener.NONE);
            assertThat(next.exitCode()).isZero();
        }
    }

    @Test
    void execPassesTheEnvironmentAndRunsInTheProjectDirectory() {
        List<String> lines = new ArrayList<>();
        fake.behaviour = command -> FakeDaytona.Run.ok("line one", "line two");
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("env"));
            ExecResult result = provider.exec(info.id(), Command.of("node", "it's.js").withEnvironment(Map.of("API_TOKEN", "s3cr3t")),
                    (stream, line) -> lines.add(line));

            assertThat(result.output()).isEqualTo("line one\nline two\n");
            assertThat(lines).containsExactly("line one", "line two");
            assertThat(fake.commandsRun()).anySatisfy(command -> assertThat(command).startsWith("cd /home/daytona/app && env ")
                    .contains("API_TOKEN='s3cr3t'").endsWith(" node 'it'\\''s.js'"));
        }
    }

    @Test
    void filesRoundTripAndPathsThatLeaveTheProjectAreRefused() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("files"));
            provider.writeFiles(info.id(), Map.of("src/a.txt", "alpha".getBytes(StandardCharsets.UTF_8)));

            assertThat(provider.readFiles(info.id(), List.of("src/a.txt", "missing.txt"))).containsOnlyKeys("src/a.txt");
            assertThatThrownBy(() -> provider.writeFiles(info.id(), Map.of("../etc/passwd", new byte[1])))
                    .isInstanceOf(InvalidInputException.class).hasMessage("../etc/passwd: path escapes the project or is not normalised");
        }
    }

    @Test
    void touchRefreshesActivityAtMostOncePerIntervalAndKeepAliveRefreshesUntilClosed() throws Exception {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).touchEvery(Duration.ofHours(1)).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("watched"));
            provider.touch(info.id());
            provider.touch(info.id());
            assertThat(fake.activityRefreshes.get()).isEqualTo(1);

            try (DaytonaSandboxProvider.KeepAlive keepAlive = provider.keepAlive(info.id(), Duration.ofMillis(20))) {
                assertThat(keepAlive).isNotNull();
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (fake.activityRefreshes.get() < 4 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            int afterClose = fake.activityRefreshes.get();
            assertThat(afterClose).isGreaterThanOrEqualTo(4);
            Thread.sleep(100);
            assertThat(fake.activityRefreshes.get()).isLessThanOrEqualTo(afterClose + 1);
        }
    }

    @Test
    void touchRenewsALeaseThatIsHalfGoneAndKeepsTheOtherLabels() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).lease(Duration.ofHours(2)).build()) {
            SandboxInfo info = provider.create(SandboxSpec.builder("leased").label("team", "web").build());
            long created = Long.parseLong(fake.sandboxes.get(info.id()).labels.get(DaytonaSandboxProvider.LABEL_LEASE));
            provider.touch(info.id());
            assertThat(fake.sandboxes.get(info.id()).labels).containsEntry(DaytonaSandboxProvider.LABEL_LEASE, String.valueOf(created));

            fake.sandboxes.get(info.id()).labels.put(DaytonaSandboxProvider.LABEL_LEASE, String.valueOf(java.time.Instant.now().getEpochSecond() + 60));
            provider.get(info.id());
            try (DaytonaSandboxProvider other = DaytonaSandboxProvider.builder(client).lease(Duration.ofHours(2)).build()) {
                other.touch(info.id());
            }

            long renewed = Long.parseLong(fake.sandboxes.get(info.id()).labels.get(DaytonaSandboxProvider.LABEL_LEASE));
            assertThat(renewed).isBetween(created - 5, created + 3600);
            assertThat(renewed).isGreaterThan(java.time.Instant.now().getEpochSecond() + 3600);
            assertThat(fake.sandboxes.get(info.id()).labels).containsEntry("team", "web").containsEntry(DaytonaSandboxProvider.LABEL_MANAGED, "true");
        }
    }

    @Test
    void fromEnvironmentWithoutAnApiKeyReportsServiceNotAvailableAndHowToConfigureIt() {
        assertThatThrownBy(() -> DaytonaSandboxProvider.fromEnvironment(Map.of("DAYTONA_API_URL", "https://daytona.example.com/api")))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageStartingWith("Sandbox service not available: Daytona is not configured: DAYTONA_API_KEY is not set.")
                .hasMessageContaining("https://app.daytona.io/dashboard/keys");
    }

    @Test
    void fromEnvironmentBuildsAProviderThatOwnsItsClient() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.fromEnvironment(Map.of("DAYTONA_API_KEY", FakeDaytona.API_KEY,
                "DAYTONA_API_URL", fake.apiUrl() + "/", "DAYTONA_TARGET", "eu"))) {
            assertThat(provider.name()).isEqualTo("daytona");
            assertThat(provider.client().apiUrl().toString()).isEqualTo(fake.apiUrl());
            assertThat(provider.client().target()).isEqualTo("eu");
            assertThat(provider.toString()).doesNotContain(FakeDaytona.API_KEY);
        }
    }

    @Test
    void stoppingAStoppedSandboxIsNotAnErrorAndStartingOneThatNeverRanAnAppSaysSo() {
        try (DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            SandboxInfo info = provider.create(SandboxSpec.named("idle"));
            provider.stop(info.id());
            provider.stop(info.id());
            assertThat(provider.get(info.id()).status()).isEqualTo(dev.sandboxorchestrator.core.SandboxStatus.STOPPED);

            assertThatThrownBy(() -> provider.start(info.id()))
                    .isInstanceOf(dev.sandboxorchestrator.core.SandboxOrchestratorException.class)
                    .hasMessage("Sandbox " + info.id() + " never ran an app, so there is nothing to start");
        }
    }

    @Test
    void closedProviderRefusesNewWork() {
        DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build();
        provider.close();
        provider.close();

        assertThatThrownBy(() -> provider.create(SandboxSpec.named("late")))
                .isInstanceOf(IllegalStateException.class).hasMessage("This DaytonaSandboxProvider is closed");
    }
}
