package dev.sandboxorchestrator.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SandboxProvider} must have. Extend it, return your provider from
 * {@link #createProvider()} and a command that serves HTTP 200 on {@code $PORT} from {@link #appCommand()}. After each test every sandbox the test created is deleted and
 * the provider closed.
 */
public abstract class SandboxProviderContract {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    protected SandboxProvider provider;
    private final List<String> created = new ArrayList<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    protected abstract SandboxProvider createProvider();

    /** A command that serves HTTP 200 with {@link #expectedBody()} on {@code $PORT} until killed. */
    protected abstract Command appCommand();

    /** What the app started by {@link #appCommand()} answers. */
    protected String expectedBody() {
        return "contract-ok";
    }

    @BeforeEach
    void openProvider() {
        provider = createProvider();
    }

    @AfterEach
    void deleteWhatTheTestCreated() {
        try {
            for (String id : created) {
                provider.delete(id);
            }
            for (String id : created) {
                assertThatThrownBy(() -> provider.get(id)).isInstanceOf(SandboxNotFoundException.class);
            }
        } finally {
            provider.close();
        }
    }

    protected String newSandbox(String name) {
        SandboxInfo info = provider.create(SandboxSpec.builder(name).label("contract-run", run).build());
        created.add(info.id());
        return info.id();
    }

    @Test
    void createReturnsTheSandboxWithItsNameAndLabels() {
        String id = newSandbox("contract-create");
        SandboxInfo info = provider.get(id);
        assertThat(info.name()).isEqualTo("contract-create");
        assertThat(info.labels()).containsEntry("contract-run", run);
        assertThat(info.provider()).isEqualTo(provider.name());
    }

    @Test
    void filesWrittenCanBeReadBackAndMissingOnesAreLeftOut() {
        String id = newSandbox("contract-files");
        provider.writeFiles(id, Map.of("a.txt", "alpha".getBytes(StandardCharsets.UTF_8), "dir/b.bin", new byte[] {0, 1, 2}));
        Map<String, byte[]> read = provider.readFiles(id, List.of("a.txt", "dir/b.bin", "missing.txt"));
        assertThat(read).containsOnlyKeys("a.txt", "dir/b.bin");
        assertThat(new String(read.get("a.txt"), StandardCharsets.UTF_8)).isEqualTo("alpha");
        assertThat(read.get("dir/b.bin")).containsExactly(0, 1, 2);
    }

    @Test
    void writeFilesRefusesAPathThatEscapesTheProject() {
        String id = newSandbox("contract-escape");
        assertThatThrownBy(() -> provider.writeFiles(id, Map.of("../outside.txt", new byte[] {1})))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("../outside.txt");
    }

    @Test
    void execReturnsExitCodeAndOutput() {
        String id = newSandbox("contract-exec");
        ExecResult ok = provider.exec(id, Command.shell("echo hello-contract"), LogListener.NONE);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.output()).contains("hello-contract");
        ExecResult failed = provider.exec(id, Command.shell("exit 3"), LogListener.NONE);
        assertThat(failed.exitCode()).isEqualTo(3);
    }

    @Test
    void listFiltersByLabel() {
        String id = newSandbox("contract-list");
        assertThat(provider.list(Map.of("contract-run", run))).extracting(SandboxInfo::id).containsExactly(id);
        assertThat(provider.list(Map.of("contract-run", "no-such-run"))).isEmpty();
    }

    @Test
    void unknownSandboxIsNotFoundAndDeletingItIsNoError() {
        assertThatThrownBy(() -> provider.get("does-not-exist")).isInstanceOf(SandboxNotFoundException.class);
        provider.delete("does-not-exist");
    }

    @Test
    void appServesOnThePreviewUrlStopsAndStartsAgain() throws Exception {
        String id = newSandbox("contract-app");
        provider.startBackground(id, appCommand(), LogListener.NONE);
        URI url = provider.preview(id).url();
        assertThat(waitForBody(url, Duration.ofSeconds(30))).contains(expectedBody());
        assertThat(provider.get(id).status()).isEqualTo(SandboxStatus.RUNNING);

        provider.stop(id);
        assertThat(provider.get(id).status()).isEqualTo(SandboxStatus.STOPPED);

        provider.start(id);
        assertThat(waitForBody(provider.preview(id).url(), Duration.ofSeconds(30))).contains(expectedBody());
        assertThat(provider.get(id).status()).isEqualTo(SandboxStatus.RUNNING);
    }

    /** The body of the first 200 answer from {@code url} within {@code timeout}, or fails. */
    protected static String waitForBody(URI url, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing answered";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + url + " to return HTTP 200; last: " + last);
    }
}
