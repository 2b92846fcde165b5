package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.ALICE;
import static dev.sandboxorchestrator.examples.server.TestServer.BOB;
import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyParallelCreatesEndWithEverySandboxAccountedForByItsOwner() {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try (TestServer server = TestServer.start(builder -> builder.rateLimitPerMinute(1000))) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String token = i % 2 == 0 ? ALICE : BOB;
                String body = TestServer.createBody("parallel-" + i);
                calls.add(CompletableFuture.supplyAsync(() -> server.post(Routes.CREATE, token, body), clients));
            }
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
            List<String> ids = responses.stream().map(response -> json(response).get("sandbox").get("sandboxId").asText()).toList();
            assertThat(ids).doesNotHaveDuplicates().hasSize(20);
            List<String> alice = json(server.get(Routes.SANDBOXES, ALICE)).get("sandboxes").findValuesAsText("workspaceName");
            List<String> bob = json(server.get(Routes.SANDBOXES, BOB)).get("sandboxes").findValuesAsText("workspaceName");
            assertThat(alice).hasSize(10).allMatch(name -> Integer.parseInt(name.substring("parallel-".length())) % 2 == 0);
            assertThat(bob).hasSize(10).allMatch(name -> Integer.parseInt(name.substring("parallel-".length())) % 2 == 1);
            assertThat(server.sandboxes()).isEqualTo(20);
            assertThat(server.provider.list(java.util.Map.of())).allMatch(info -> info.status() == dev.sandboxorchestrator.core.SandboxStatus.RUNNING);
            assertThat(server.provider.runningApps()).isEqualTo(20);
        } finally {
            clients.shutdownNow();
        }
    }
}
