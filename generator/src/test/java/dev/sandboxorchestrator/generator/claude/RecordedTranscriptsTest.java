package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requestBodies;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requests;
import static dev.sandboxorchestrator.generator.claude.Fixtures.resource;
import static dev.sandboxorchestrator.generator.claude.Fixtures.transcript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.RetryingHttp;
import dev.sandboxorchestrator.generator.claude.internal.AnthropicErrors;
import dev.sandboxorchestrator.generator.claude.internal.BlockListener;
import dev.sandboxorchestrator.generator.claude.internal.ContentBlock;
import dev.sandboxorchestrator.generator.claude.internal.Json;
import dev.sandboxorchestrator.generator.claude.internal.Message;
import dev.sandboxorchestrator.generator.claude.internal.MessagesClient;
import dev.sandboxorchestrator.generator.claude.internal.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replays the recorded transcripts of ../shared/reference/anthropic/examples (copied to test resources) byte for byte. */
class RecordedTranscriptsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private MessagesClient client() {
        Settings settings = new Settings(URI.create(wm.baseUrl()), Secret.of(KEY), "claude-sonnet-4-0", 1000, false, false, false,
                List.of(), Duration.ofSeconds(10), Duration.ofSeconds(10), 0, 80, Set.of());
        AnthropicErrors errors = new AnthropicErrors(settings.apiKey());
        RetryingHttp http = new RetryingHttp("Anthropic", HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                new RetryingHttp.Policy(3, Backoff.DEFAULT, Duration.ofMinutes(1), Set.of(408, 409, 429, 500, 529), Duration.ofSeconds(60)),
                sleeper, errors);
        return new MessagesClient(settings, http, errors);
    }

    /** The recorded response: status, headers except the hop-by-hop ones WireMock computes, body as recorded. */
    private static ResponseDefinitionBuilder recorded(String name) {
        JsonNode response = transcript(name).path("response");
        ResponseDefinitionBuilder builder = aResponse().withStatus(response.path("status").asInt());
        for (String group : List.of("headers", "recordedHeaders", "assembledHeaders")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = response.path(group).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (!Set.of("content-length", "transfer-encoding", "connection").contains(header.getKey())) {
                    builder.withHeader(header.getKey(), header.getValue().asText());
                }
            }
        }
        if (response.has("bodyFile")) {
            return builder.withBody(resource(response.path("bodyFile").asText()));
        }
        return builder.withBody(response.has("rawBody") ? response.path("rawBody").asText() : response.path("body").toString());
    }

    private static ObjectNode recordedRequest(String name) {
        return (ObjectNode) transcript(name).path("request").path("body").deepCopy();
    }

    /** Records every callback as a line. */
    private static final class Calls implements BlockListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public void blockStarted(int index, String type, String name) {
            seen.add("start " + index + " " + type + (name == null ? "" : " " + name));
        }

        @Override
        public void jsonDelta(int index, String partialJson) {
            seen.add("json " + index + " " + partialJson);
        }

        @Override
        public void textDelta(int index, String text) {
            seen.add("text " + index + " " + text);
        }

        @Override
        public void blockStopped(int index) {
            seen.add("stop " + index);
        }
    }

    @Test
    void nonStreamingToolUseIsReadIntoItsBlocksStopReasonAndUsage() {
        wm.stubFor(Fixtures.messages().willReturn(recorded("01-nonstreaming-tool-use.json")));

        Message message = client().create(recordedRequest("01-nonstreaming-tool-use.json"), BlockListener.NONE);

        assertThat(message.id()).isEqualTo("msg_012foMGXNQ1eqhaq3QvA5dY6");
        assertThat(message.model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(message.stopReason()).isEqualTo("tool_use");
        assertThat(message.usage()).isEqualTo(new TokenUsage(415, 76, 0, 0));
        assertThat(message.text()).isEqualTo("I'll use the test_tool with the value \"test\" as requested, then provide a final response.");
        ContentBlock call = message.toolUses().get(0);
        assertThat(call.id()).isEqualTo("toolu_011LF2VkWpAfJnTKJcmh1PNf");
        assertThat(call.name()).isEqualTo("test_tool");
        assertThat(call.input()).isEqualTo(Json.object().put("value", "test"));
        assertThat(requestBodies(wm).get(0)).isEqualTo(recordedRequest("01-nonstreaming-tool-use.json"));
        assertThat(requests(wm).get(0).getHeader("accept")).isEqualTo("application/json");
    }

    @Test
    void streamedTextIsJoinedDespitePaddedDataAndAPing() {
        wm.stubFor(Fixtures.messages().willReturn(recorded("02-streaming-text.json")));
        Calls calls = new Calls();

        Message message = client().create(recordedRequest("02-streaming-text.json"), calls);

        assertThat(message.text()).isEqualTo("[12345,67890]");
        assertThat(message.stopReason()).isEqualTo("end_turn");
        assertThat(message.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(message.usage()).isEqualTo(new TokenUsage(135, 10, 0, 0));
        assertThat(calls.seen).containsExactly("start 0 text", "text 0 [", "text 0 12", "text 0 345,", "text 0 67890]", "stop 0");
        assertThat(requests(wm).get(0).getHeader("accept")).isEqualTo("text/event-stream");
    }

    @Test
    void streamedToolInputChunksAreJoinedAndParsedOnceAtBlockStop() {
        wm.stubFor(Fixtures.messages().willReturn(recorded("03-streaming-tool-use.json")));
        Calls calls = new Calls();

        Message message = client().create(recordedRequest("03-streaming-tool-use.json"), calls);

        ContentBlock call = message.toolUses().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.input()).isEqualTo(Json.object().put("location", "San Francisco, CA").put("units", "f"));
        assertThat(call.complete()).isTrue();
        assertThat(message.stopReason()).isEqualTo("tool_use");
        assertThat(message.usage()).isEqualTo(new TokenUsage(656, 74, 0, 0));
        assertThat(calls.seen).hasSize(12).startsWith("start 0 tool_use get_weather", "json 0 ", "json 0 {\"").endsWith("stop 0");
        assertThat(message.rawContent().get(0)).isEqualTo(Json.MAPPER.createObjectNode().put("type", "tool_use")
                .put("id", "toolu_018acGYLtfR52q9yDbWaEdQZ").put("name", "get_weather").set("input", call.input()));
    }

    @Test
    void theGeneratorRejectsTheRecordedCallOfAToolItDoesNotKnow() {
        wm.stubFor(Fixtures.messages().willReturn(recorded("03-streaming-tool-use.json")));
        ClaudeCodeGenerator claude = ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).sleeper(sleeper).build();

        assertThatThrownBy(() -> claude.generate(GenerationRequest.of("A weather app"), null))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ClaudeGenerationException.Reason.INVALID_OUTPUT);
                    assertThat(e.usage()).isEqualTo(new TokenUsage(656, 74, 0, 0));
                })
                .hasMessage("Claude called the unknown tool 'get_weather' instead of write_app");
    }

    @Test
    void theRecorded429IsRetriedAfterItsRetryAfterAndThenTheRecordedStreamIsRead() {
        answers(wm, recorded("05-error-429-retry-after.json"), recorded("02-streaming-text.json"));

        Message message = client().create(recordedRequest("05-error-429-retry-after.json"), BlockListener.NONE);

        assertThat(message.text()).isEqualTo("[12345,67890]");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(17));
        assertThat(requests(wm)).hasSize(2);
    }

    @Test
    void theRecorded529IsRetriedWithBackoffAndReportedWithItsRequestIdWhenItPersists() {
        answers(wm, recorded("04-error-529-overloaded.json"));

        assertThatThrownBy(() -> client().create(recordedRequest("04-error-529-overloaded.json"), BlockListener.NONE))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(529);
                    assertThat(e.errorType()).hasValue("overloaded_error");
                    assertThat(e.requestId()).hasValue("req_011Cfj8yaBh5BmnmLXvSFnGs");
                    assertThat(e.attempts()).isEqualTo(3);
                })
                .hasMessage("Anthropic answered HTTP 529 for /v1/messages (overloaded_error): Overloaded "
                        + "[request id req_011Cfj8yaBh5BmnmLXvSFnGs] after 3 attempts");
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }
}
