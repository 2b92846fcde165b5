package dev.sandboxorchestrator.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.examples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./sandbox generate "…" --check} with ANTHROPIC_BASE_URL pointing at a stub of the Messages API: the Claude
 * generator streams a tool call whose files are a small Next.js app, the real converter, npm install and
 * {@code next build} (type-check and lint on) run on the local provider, and the command ends once the preview
 * answers HTTP 200. The stream ({@code claude/write-app-stream.sse}) is assembled in the framing of the recorded
 * transcript 03-streaming-tool-use.sse (padding, ping, a first empty chunk); it is not itself a recording.
 */
class ClaudeGenerateIT {
    private static final String PROMPT = "A landing page for a weekly coffee subscription";

    /** Under target/ like the other local-provider ITs (a fresh root per run: nothing cached, nothing shared). */
    private Path sandboxRoot;
    private WireMockServer anthropic;

    @BeforeEach
    void startStub() throws IOException {
        Path parent = Files.createDirectories(Path.of("target", "claude-it").toAbsolutePath());
        sandboxRoot = Files.createTempDirectory(parent, "root-");
        anthropic = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        anthropic.start();
        anthropic.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8").withHeader("request-id", "req_011BrewClubExample")
                .withBody(resource("/claude/write-app-stream.sse"))));
    }

    @AfterEach
    void stopStubAndRemoveRoot() throws IOException {
        anthropic.stop();
        try (Stream<Path> paths = Files.walk(sandboxRoot)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void generateWithClaudeEndsWithAWorkingLocalPreviewOfTheReturnedFiles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>();
        env.put("ANTHROPIC_API_KEY", "test-key");
        env.put("ANTHROPIC_BASE_URL", "http://127.0.0.1:" + anthropic.port());
        env.put("SANDBOX_ROOT", sandboxRoot.toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv("HOME"));

        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env)
                .run("generate", PROMPT, "--check", "--verbose");

        String printed = out.toString(StandardCharsets.UTF_8);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("exit status; stderr:%n%s", errors).isZero();
        assertThat(printed).containsPattern("(?m)^Preview: http://127\\.0\\.0\\.1:\\d+/?$");
        assertThat(errors).doesNotContain("template").doesNotContain("test-key");
        assertStreamingToolUseRequest();
    }

    private void assertStreamingToolUseRequest() throws IOException {
        List<LoggedRequest> requests = anthropic.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("x-api-key")).isEqualTo("test-key");
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("content-type")).isEqualTo("application/json");
        assertThat(request.getHeader("accept")).isEqualTo("text/event-stream");
        JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-5");
        assertThat(body.path("max_tokens").asInt()).isPositive();
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("auto");
        assertThat(body.path("tools")).extracting(tool -> tool.path("name").asText()).contains("write_app");
        assertThat(body.path("tools").get(0).path("strict").asBoolean()).isTrue();
        assertThat(body.path("tools").get(0).path("input_schema").path("required")).extracting(JsonNode::asText).contains("files");
        assertThat(body.path("system").get(0).path("cache_control").path("type").asText()).isEqualTo("ephemeral");
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).contains(PROMPT);
        assertThat(body.has("temperature")).isFalse();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ClaudeGenerateIT.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
