package dev.sandboxorchestrator.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.testkit.FakeSandboxProvider;
import dev.sandboxorchestrator.testkit.StaticConverter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * An {@link ApiServer} on a free loopback port in front of a real {@link SandboxOrchestrator} whose provider
 * and converter are the testkit's fakes and whose generator writes one page, so a whole request takes
 * milliseconds. Owners alice and bob. {@link #failBuilds()} makes every build fail with a type error;
 * {@link #holdBuilds()} makes builds wait until {@link #releaseBuilds()}, to watch a request in progress.
 */
final class TestServer implements AutoCloseable {
    static final String ALICE = "alice-token-0123456789abcdef";
    static final String BOB = "bob-token-fedcba9876543210xyz";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String TYPE_ERROR = "app/page.tsx(3,7): error TS2322: Type 'number' is not assignable to type 'string'.";

    final FakeSandboxProvider provider = new FakeSandboxProvider();
    private final CountDownLatch buildGate = new CountDownLatch(1);
    final SandboxOrchestrator orchestrator;
    final ApiServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(UnaryOperator<ApiServer.Builder> config) {
        orchestrator = SandboxOrchestrator.builder().provider(provider).converter(new StaticConverter()).generator(new Generator())
                .readyTimeout(Duration.ofSeconds(10)).build();
        server = config.apply(ApiServer.builder().orchestrator(orchestrator).port(0)
                .tokens(ApiTokens.parse("alice=" + ALICE + ",bob=" + BOB))).build().start();
    }

    static TestServer start() {
        return new TestServer(builder -> builder);
    }

    static TestServer start(UnaryOperator<ApiServer.Builder> config) {
        return new TestServer(config);
    }

    void failBuilds() {
        provider.failCommand("npm run build", 1, TYPE_ERROR);
    }

    void holdBuilds() {
        provider.onCommand(command -> {
            if (command.display().equals("npm run build")) {
                try {
                    if (!buildGate.await(20, TimeUnit.SECONDS)) {
                        return new ExecResult(1, "the test never released the build", Duration.ZERO);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new ExecResult(1, "interrupted while the build was held", Duration.ZERO);
                }
            }
            return new ExecResult(0, "ok: " + command.display(), Duration.ZERO);
        });
    }

    void releaseBuilds() {
        buildGate.countDown();
    }

    /** How many sandboxes exist now. */
    int sandboxes() {
        return provider.ids().size();
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A create request body for these files, as the guide writes it. */
    static String createBody(String projectName, Map<String, String> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedCode", files);
        body.put("projectName", projectName);
        body.put("description", "a test app");
        return write(body);
    }

    static String createBody(String projectName) {
        return createBody(projectName, Map.of("app/page.tsx", "export default function Page() { return <h1>Hi</h1>; }"));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        releaseBuilds();
        server.close();
        orchestrator.close();
        provider.close();
    }

    /** Writes one page that shows the prompt. */
    private static final class Generator implements CodeGenerator {
        @Override
        public String name() {
            return "fake-generator";
        }

        @Override
        public GeneratedCode generate(GenerationRequest request, SandboxListener events) {
            Map<String, FileContent> files = new LinkedHashMap<>();
            files.put("app/page.tsx", FileContent.text("export default function Page() { return <h1>" + request.prompt() + "</h1>; }"));
            return new GeneratedCode(files, "Generated", request.prompt(), null, null, null);
        }
    }
}
