package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.APP;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.MODEL;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requestBodies;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requests;
import static dev.sandboxorchestrator.generator.claude.Fixtures.sse;
import static dev.sandboxorchestrator.generator.claude.Fixtures.writeApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.generator.claude.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generation against WireMock: what is sent, what comes back, which events say so. */
class GenerateTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();

    private ClaudeCodeGenerator.Builder claude() {
        return ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).sleeper(new RecordingSleeper());
    }

    private List<String> progress() {
        List<String> lines = new ArrayList<>();
        events.forEach(event -> {
            if (event instanceof SandboxEvent.Progress progress) {
                assertThat(progress.phase()).isEqualTo(Phase.GENERATE);
                lines.add(progress.message());
            }
        });
        return lines;
    }

    private static Map<String, String> files(GeneratedCode code) {
        Map<String, String> files = new LinkedHashMap<>();
        code.files().forEach((path, content) -> files.put(path, content.asString()));
        return files;
    }

    private static String appStream() {
        return SseScript.message(MODEL).usage(2100, 1800, 0)
                .toolUse("write_app", writeApp("Brew Club", "A coffee subscription.", APP, Map.of("recharts", "2.15.4")), 23)
                .end("tool_use", 950);
    }

    @Test
    void generationStreamsTheFilesTitleDescriptionAndDependenciesOfTheToolCall() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));

        GeneratedCode code = claude().build().generate(GenerationRequest.of("A coffee subscription page"), events::add);

        assertThat(files(code)).isEqualTo(APP);
        assertThat(code.files().values()).allMatch(FileContent::isText);
        assertThat(code.title()).isEqualTo("Brew Club");
        assertThat(code.description()).isEqualTo("A coffee subscription.");
        assertThat(code.dependencies()).isEqualTo(Map.of("recharts", "2.15.4"));
        assertThat(code.metadata()).isEqualTo(Map.of("generator", "claude", "model", MODEL, "format", "nextjs"));
        assertThat(code.usage()).isEqualTo(new TokenUsage(2100, 950, 1800, 0));
    }

    @Test
    void eachFileIsReportedWhenItStartsAndFinishesArrivingAndTheTokensOfTheCall() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));

        claude().build().generate(GenerationRequest.of("A coffee subscription page"), events::add);

        assertThat(progress()).containsExactly("asking claude-sonnet-5 (streaming)",
                "file started: app/page.tsx", "file finished: app/page.tsx",
                "file started: app/layout.tsx", "file finished: app/layout.tsx",
                "file started: app/globals.css", "file finished: app/globals.css",
                "file started: components/Counter.tsx", "file finished: components/Counter.tsx",
                "tokens: 2100 in, 950 out, 1800 cache write, 0 cache read");
        assertThat(events).filteredOn(SandboxEvent.UsageReported.class::isInstance)
                .extracting(event -> ((SandboxEvent.UsageReported) event).usage()).containsExactly(new TokenUsage(2100, 950, 1800, 0));
    }

    @Test
    void theRequestCarriesTheHeadersSchemasAndCacheControlTheContractDescribes() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));

        claude().build().generate(GenerationRequest.of("A coffee subscription page"), null);

        LoggedRequest request = requests(wm).get(0);
        assertThat(request.getHeader("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeader("content-type")).isEqualTo("application/json");
        assertThat(request.getHeader("accept")).isEqualTo("text/event-stream");
        assertThat(request.containsHeader("anthropic-beta")).isFalse();
        JsonNode body = requestBodies(wm).get(0);
        assertThat(body.fieldNames()).toIterable().containsExactly("model", "max_tokens", "system", "messages", "tools", "tool_choice", "stream");
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(ClaudeCodeGenerator.DEFAULT_MAX_TOKENS);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("tool_choice")).isEqualTo(Json.object().put("type", "auto"));
        JsonNode system = body.path("system");
        assertThat(system).hasSize(1);
        assertThat(system.get(0).path("cache_control")).isEqualTo(Json.object().put("type", "ephemeral"));
        assertThat(system.get(0).path("text").asText()).contains("Next.js 15 App Router", "Tailwind", "app/page.tsx", "lucide-react",
                "Never put code in prose");
        JsonNode messages = body.path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
        assertThat(messages.get(0).path("content").get(0).path("text").asText())
                .isEqualTo("Build this app:\n\n<request>\nA coffee subscription page\n</request>\n\nCall write_app once with every file of the app.");
        JsonNode tools = body.path("tools");
        assertThat(tools).extracting(tool -> tool.path("name").asText()).containsExactly("write_app", "apply_changes");
        assertThat(tools).allSatisfy(tool -> assertThat(tool.path("strict").asBoolean()).isTrue());
        JsonNode writeApp = tools.get(0).path("input_schema");
        assertThat(writeApp.path("type").asText()).isEqualTo("object");
        assertThat(writeApp.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(writeApp.path("required")).extracting(JsonNode::asText).containsExactly("title", "description", "files", "dependencies");
        JsonNode file = writeApp.path("properties").path("files").path("items");
        assertThat(file.path("required")).extracting(JsonNode::asText).containsExactly("path", "content");
        assertThat(file.path("additionalProperties").asBoolean(true)).isFalse();
        JsonNode edit = tools.get(1).path("input_schema").path("properties").path("edits").path("items");
        assertThat(edit.path("required")).extracting(JsonNode::asText).containsExactly("path", "old", "new");
        assertThat(body.toString()).doesNotContain("temperature", "top_p", "top_k", "\"thinking\"");
    }

    @Test
    void theCachedPrefixIsTheSameForEveryCallOfAGenerator() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));
        ClaudeCodeGenerator claude = claude().build();

        claude.generate(GenerationRequest.of("A coffee subscription page"), null);
        claude.generate(GenerationRequest.of("A tea shop"), null);

        List<JsonNode> bodies = requestBodies(wm);
        assertThat(bodies.get(1).path("system")).isEqualTo(bodies.get(0).path("system"));
        assertThat(bodies.get(1).path("tools")).isEqualTo(bodies.get(0).path("tools"));
    }

    @Test
    void optionsChangeTheRequestAsConfigured() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));

        claude().model("claude-opus-4-5").maxTokens(64_000).forceToolUse(true).beta("context-1m-2025-08-07").beta("other-2026-01-01")
                .build().generate(new GenerationRequest("A static page", GenerationRequest.Format.HTML), null);

        JsonNode body = requestBodies(wm).get(0);
        assertThat(requests(wm).get(0).getHeader("anthropic-beta")).isEqualTo("context-1m-2025-08-07,other-2026-01-01");
        assertThat(body.path("model").asText()).isEqualTo("claude-opus-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64_000);
        assertThat(body.path("tool_choice")).isEqualTo(Json.object().put("type", "tool").put("name", "write_app"));
        assertThat(body.path("system").get(0).path("text").asText()).contains("index.html").doesNotContain("Next.js");
    }

    @Test
    void withoutStreamingTheWholeAnswerIsReadAndFilesAreStillReported() {
        JsonNode message = Json.object().put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", MODEL)
                .put("stop_reason", "tool_use").set("content", Json.MAPPER.createArrayNode().add(Json.object().put("type", "tool_use")
                        .put("id", "toolu_1").put("name", "write_app").set("input", Json.MAPPER.valueToTree(
                                Map.of("title", "T", "description", "D", "files", List.of(Map.of("path", "app/page.tsx", "content", "x")),
                                        "dependencies", List.of())))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) message).set("usage", Json.object().put("input_tokens", 10).put("output_tokens", 5));
        wm.stubFor(Fixtures.messages().willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(message.toString())));

        GeneratedCode code = claude().streaming(false).build().generate(GenerationRequest.of("x"), events::add);

        assertThat(files(code)).isEqualTo(Map.of("app/page.tsx", "x"));
        assertThat(requestBodies(wm).get(0).path("stream").asBoolean(true)).isFalse();
        assertThat(requests(wm).get(0).getHeader("accept")).isEqualTo("application/json");
        assertThat(progress()).contains("file started: app/page.tsx", "file finished: app/page.tsx");
    }

    @Test
    void theOutputFormatModeAsksForAJsonSchemaAndReadsTheJsonText() {
        String json = writeApp("Brew Club", "d", Map.of("app/page.tsx", "export default function P() { return null; }\n"), Map.of());
        wm.stubFor(Fixtures.messages().willReturn(sse(SseScript.message(MODEL).text(json, 9).end("end_turn", 300))));

        GeneratedCode code = claude().structuredOutput(ClaudeCodeGenerator.StructuredOutput.OUTPUT_FORMAT).build()
                .generate(GenerationRequest.of("x"), events::add);

        assertThat(code.files()).containsOnlyKeys("app/page.tsx");
        JsonNode body = requestBodies(wm).get(0);
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        assertThat(body.path("output_config").path("format").path("type").asText()).isEqualTo("json_schema");
        assertThat(body.path("output_config").path("format").path("schema").path("required")).extracting(JsonNode::asText)
                .containsExactly("title", "description", "files", "dependencies");
        assertThat(progress()).contains("file started: app/page.tsx", "file finished: app/page.tsx");
        assertThat(code.metadata()).doesNotContainKey("fallback");
    }

    @Test
    void aProseAnswerFallsBackToFencedBlocksAndSaysSo() {
        String prose = "Here is the app.\n\n```tsx app/page.tsx\nexport default function Page() { return <h1>Hi</h1>; }\n```\n\n"
                + "**app/globals.css**\n```css\n@tailwind base;\n```\n\nRun it with:\n```bash\nnpm run dev\n```\n";
        wm.stubFor(Fixtures.messages().willReturn(sse(SseScript.message(MODEL).text(prose, 40).end("end_turn", 80))));

        GeneratedCode code = claude().build().generate(GenerationRequest.of("x"), events::add);

        assertThat(code.files()).containsOnlyKeys("app/page.tsx", "app/globals.css");
        assertThat(code.metadata()).containsEntry("fallback", "fenced-blocks");
        assertThat(progress()).contains("Claude answered in prose; took 2 file(s) from its fenced code blocks, skipped 1 block(s) without a file name");
    }

    @Test
    void unknownEventsAndDeltaTypesAreIgnored() {
        String stream = SseScript.message(MODEL)
                .event("future_event", "{\"type\":\"future_event\",\"x\":1}")
                .event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}")
                .event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Plan.\"}}")
                .event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"future_delta\",\"y\":2}}")
                .event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"c2ln\"}}")
                .event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                .nextIndex()
                .toolUse("write_app", writeApp("T", "D", Map.of("app/page.tsx", "x"), Map.of()), 50)
                .event("future_event", "{\"type\":\"future_event\",\"z\":3}")
                .end("tool_use", 10);
        wm.stubFor(Fixtures.messages().willReturn(sse(stream)));

        GeneratedCode code = claude().build().generate(GenerationRequest.of("x"), events::add);

        assertThat(code.files()).containsOnlyKeys("app/page.tsx");
    }

    @Test
    void usageOfEveryCallIsSummedAndPricedWhenPricesAreKnown() {
        String first = SseScript.message(MODEL).usage(3000, 2000, 0)
                .toolUseCutOff("write_app", cutInside(writeApp("Brew Club", "D", APP, Map.of()), "components/Counter.tsx"), 40)
                .end("max_tokens", 32_000);
        String second = SseScript.message(MODEL).usage(5000, 0, 2000)
                .toolUse("write_app", writeApp("Brew Club", "D", Map.of("components/Counter.tsx", APP.get("components/Counter.tsx")), Map.of()), 40)
                .end("tool_use", 400);
        answers(wm, sse(first), sse(second));
        PriceTable prices = PriceTable.perMillionTokens(new BigDecimal("3"), new BigDecimal("15"));

        GeneratedCode code = claude().priceTable(prices).build().generate(GenerationRequest.of("x"), events::add);

        TokenUsage total = new TokenUsage(8000, 32_400, 2000, 2000);
        assertThat(code.usage()).isEqualTo(total);
        assertThat(code.metadata()).containsEntry("costUsd", prices.cost(total).toPlainString()).containsEntry("continuations", "1");
        assertThat(prices.cost(total)).isEqualByComparingTo("0.518100");
        assertThat(events).filteredOn(SandboxEvent.UsageReported.class::isInstance).hasSize(2);
        assertThat(progress()).contains("tokens: 3000 in, 32000 out, 2000 cache write, 0 cache read (about $0.496500)");
    }

    /** The JSON up to the middle of the content of the file at {@code path}. */
    static String cutInside(String json, String path) {
        int at = json.indexOf("\"content\"", json.indexOf("\"path\":\"" + path + "\""));
        return json.substring(0, at + 20);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheGeneration() {
        wm.stubFor(Fixtures.messages().willReturn(sse(appStream())));

        GeneratedCode code = claude().build().generate(GenerationRequest.of("x"), event -> {
            throw new IllegalStateException("listener bug");
        });

        assertThat(code.files()).hasSize(4);
    }
}
