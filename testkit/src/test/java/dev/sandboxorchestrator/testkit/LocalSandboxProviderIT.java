package dev.sandboxorchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.LogListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local provider promises beyond the contract: clean environment, isolation, cache, idle stop. */
class LocalSandboxProviderIT {
    private static final Command APP = Command.of("node", "-e",
            "require('http').createServer((q, s) => s.end('alive')).listen(+process.env.PORT, process.env.HOST)");

    @TempDir
    Path root;
    private LocalSandboxProvider provider;

    @BeforeEach
    void open() {
        provider = LocalSandboxProvider.builder().root(root).idleCheck(Duration.ofMillis(200)).build();
    }

    @AfterEach
    void close() {
        provider.close();
    }

    private String sandbox(SandboxSpec spec) {
        return provider.create(spec).id();
    }

    @Test
    void commandsSeeOnlyTheAllowedEnvironment() {
        String id = sandbox(SandboxSpec.builder("env").env("APP_MODE", "demo").build());
        ExecResult result = provider.exec(id, Command.of("env"), LogListener.NONE);
        Set<String> names = result.output().lines().map(line -> line.substring(0, line.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
        names.remove("PWD"); // bubblewrap's --chdir sets it
        assertThat(names).containsExactlyInAnyOrder("PATH", "HOME", "TMPDIR", "LANG", "NEXT_TELEMETRY_DISABLED", "npm_config_cache",
                "npm_config_update_notifier", "npm_config_fund", "npm_config_audit", "APP_MODE");
        assertThat(result.output()).contains("HOME=" + root.resolve("sandboxes").resolve(id).resolve("home"));
    }

    @Test
    void underBubblewrapASandboxSeesNeitherTheHostsHomeNorOtherSandboxes() {
        assumeThat(provider.isIsolated()).as("bubblewrap is installed (CI installs it)").isTrue();
        String first = sandbox(SandboxSpec.named("first"));
        String second = sandbox(SandboxSpec.named("second"));
        provider.writeFiles(second, Map.of("secret.txt", "second's".getBytes(StandardCharsets.UTF_8)));
        String otherFile = root.resolve("sandboxes").resolve(second).resolve("project").resolve("secret.txt").toString();
        String hostHome = System.getProperty("user.home");
        ExecResult result = provider.exec(first, Command.shell("test -e '" + otherFile + "' && echo SEES-OTHER; "
                + "ls -A '" + hostHome + "' 2>/dev/null | head -1; echo pid=$$; hostname; touch /usr/x 2>/dev/null && echo WROTE-USR; echo done"),
                LogListener.NONE);
        assertThat(result.output()).doesNotContain("SEES-OTHER").doesNotContain("WROTE-USR").contains("sandbox", "done");
        assertThat(Arrays.stream(result.output().split("\n")).filter(line -> line.startsWith("pid=")).findFirst().orElseThrow())
                .as("a new pid namespace").matches("pid=\\d{1,2}");
    }

    @Test
    void anAppStartedFromAThreadThatEndedKeepsRunning() throws Exception {
        String id = sandbox(SandboxSpec.named("thread"));
        Thread starter = new Thread(() -> provider.startBackground(id, APP, LogListener.NONE));
        starter.start();
        starter.join();
        Thread.sleep(500);
        assertThat(SandboxProviderContract.waitForBody(provider.preview(id).url(), Duration.ofSeconds(20))).isEqualTo("alive");
        assertThat(provider.get(id).status()).isEqualTo(SandboxStatus.RUNNING);
    }

    @Test
    void anIdleSandboxIsStoppedAfterItsAutoStopAndActivityKeepsItAlive() throws Exception {
        String idle = sandbox(SandboxSpec.builder("idle").autoStop(Duration.ofSeconds(1)).build());
        provider.startBackground(idle, APP, LogListener.NONE);
        SandboxProviderContract.waitForBody(provider.preview(idle).url(), Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (provider.get(idle).status() == SandboxStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(provider.get(idle).status()).isEqualTo(SandboxStatus.STOPPED);

        String busy = sandbox(SandboxSpec.builder("busy").autoStop(Duration.ofSeconds(2)).build());
        provider.startBackground(busy, APP, LogListener.NONE);
        for (int i = 0; i < 8; i++) {
            SandboxProviderContract.waitForBody(provider.preview(busy).url(), Duration.ofSeconds(20));
            Thread.sleep(500);
        }
        assertThat(provider.get(busy).status()).as("requests to the preview count as activity").isEqualTo(SandboxStatus.RUNNING);
    }

    @Test
    void dependenciesInstalledOnceAreRestoredForTheSameManifest() throws Exception {
        Map<String, byte[]> manifest = Map.of("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
        String first = sandbox(SandboxSpec.named("first"));
        assertThat(provider.restoreDependencies(first, manifest, SandboxListener.NONE)).isFalse();
        provider.writeFiles(first, Map.of("node_modules/left-pad/index.js", "module.exports = 1;".getBytes(StandardCharsets.UTF_8)));
        provider.saveDependencies(first, manifest);

        String second = sandbox(SandboxSpec.named("second"));
        assertThat(provider.restoreDependencies(second, manifest, SandboxListener.NONE)).isTrue();
        Path restored = root.resolve("sandboxes").resolve(second).resolve("project/node_modules/left-pad/index.js");
        assertThat(restored).hasContent("module.exports = 1;");
        Map<String, byte[]> other = Map.of("package.json", "{\"name\":\"y\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(provider.restoreDependencies(sandbox(SandboxSpec.named("third")), other, SandboxListener.NONE)).isFalse();
    }

    @Test
    void aSecondProviderOnTheSameRootSeesAndStopsTheFirstOnesSandbox() throws Exception {
        String id = sandbox(SandboxSpec.named("shared"));
        provider.startBackground(id, APP, LogListener.NONE);
        SandboxProviderContract.waitForBody(provider.preview(id).url(), Duration.ofSeconds(20));
        try (LocalSandboxProvider other = LocalSandboxProvider.builder().root(root).build()) {
            SandboxInfo seen = other.get(id);
            assertThat(seen.status()).isEqualTo(SandboxStatus.RUNNING);
            other.stop(id);
            assertThat(other.get(id).status()).isEqualTo(SandboxStatus.STOPPED);
        }
        assertThat(Files.exists(root.resolve("sandboxes").resolve(id))).isTrue();
    }
}
