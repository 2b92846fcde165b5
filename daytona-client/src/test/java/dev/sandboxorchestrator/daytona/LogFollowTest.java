package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live log following over a real WebSocket (the loopback server), frames split anywhere. */
class LogFollowTest {
    private LoopbackServer server;
    private DaytonaClient client;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Toolbox toolbox(LoopbackServer.Handler handler) throws Exception {
        server = new LoopbackServer(handler);
        client = DaytonaClient.builder().apiKey("ws-key-123456").apiUrl(server.url() + "/api").build();
        return client.toolbox(new Sandbox("sbx-1", null, null, SandboxState.STARTED, null, null, null, null, null, false, 1, 1, 3, null, null,
                null, null, server.url() + "/toolbox"));
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void linesArriveAsPrintedAcrossFrameBoundariesAndTheFollowEndsWhenTheCommandDoes() throws Exception {
        byte[] log = ("\u0001\u0001\u0001> next build\n\u0002\u0002\u0002warn: slow\n\u0001\u0001\u0001✓ Compiled\n")
                .getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        Toolbox toolbox = toolbox(request -> LoopbackServer.Response.upgrade(socket -> {
            for (int i = 0; i < log.length; i += 3) {
                socket.sendBinary(Arrays.copyOfRange(log, i, Math.min(log.length, i + 3)));
            }
            awaitQuietly(release);
            socket.sendText("\u0001\u0001\u0001text frame\n");
        }));

        try (LogFollow follow = toolbox.followLogs("build", "c-1", (stream, line) -> lines.add(stream + ":" + line))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (lines.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(follow.done()).isNotDone();
            release.countDown();
            follow.done().get(5, TimeUnit.SECONDS);
        }

        assertThat(lines).containsExactly("STDOUT:> next build", "STDERR:warn: slow", "STDOUT:✓ Compiled", "STDOUT:text frame");
        LoopbackServer.Request handshake = server.requests().get(0);
        assertThat(handshake.path()).isEqualTo("/toolbox/sbx-1/process/session/build/command/c-1/logs");
        assertThat(handshake.query("follow")).isEqualTo("true");
        assertThat(handshake.header("authorization")).isEqualTo("Bearer ws-key-123456");
        assertThat(handshake.header("x-daytona-sdk-version")).isEqualTo("0.190.0");
        assertThat(handshake.header("x-daytona-source")).isEqualTo("sandbox-orchestrator-java");
    }

    @Test
    void aRefusedUpgradeIsAServiceExceptionWithTheStatus() throws Exception {
        Toolbox toolbox = toolbox(request -> LoopbackServer.Response.json(404, "{\"message\":\"not here\"}"));

        assertThatThrownBy(() -> toolbox.followLogs("build", "c-1", (stream, line) -> lines.add(line)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageStartingWith("Daytona answered HTTP 404 for /toolbox/sbx-1/process/session/build/command/c-1/logs (websocket)");
    }

    @Test
    void closingTheFollowCancelsItWithoutWaitingForTheCommand() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Toolbox toolbox = toolbox(request -> LoopbackServer.Response.upgrade(socket -> awaitQuietly(never)));

        LogFollow follow = toolbox.followLogs("app", "c-9", (stream, line) -> lines.add(line));
        follow.close();
        follow.close();

        assertThat(follow.done()).isCancelled();
        never.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
