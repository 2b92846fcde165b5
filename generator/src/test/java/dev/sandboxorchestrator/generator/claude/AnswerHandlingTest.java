package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.APP;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.MODEL;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.lastUserText;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requestBodies;
import static dev.sandboxorchestrator.generator.claude.Fixtures.sse;
import static dev.sandboxorchestrator.generator.claude.Fixtures.writeApp;
import static dev.sandboxorchestrator.generator.claude.GenerateTest.cutInside;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.generator.claude.ClaudeGenerationException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers that are not simply complete: cut off at max_tokens, refused, paused, empty or broken. */
class AnswerHandlingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<String> progress = new ArrayList<>();

    private ClaudeCodeGenerator.Builder claude() {
        return ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).maxTokens(8000).sleeper(new RecordingSleeper());
    }

    private GeneratedCode generate(ClaudeCodeGenerator claude) {
        return claude.generate(GenerationRequest.of("A coffee subscription page"), event -> {
            if (event instanceof SandboxEvent.Progress p) {
                progress.add(p.message());
            }
        });
    }

    private static String cutOffIn(String path) {
        return SseScript.message(MODEL).usage(3000, 0, 0)
                .toolUseCutOff("write_app", cutInside(writeApp("Brew Club", "D", APP, Map.of()), path), 31)
                .end("max_tokens", 8000);
    }

    private static Map<String, String> from(String... paths) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : paths) {
            files.put(path, APP.get(path));
        }
        return files;
    }

    @Test
    void anAnswerCutOffInsideAToolCallIsContinuedAfterItsLastCompleteFile() {
        String rest = SseScript.message(MODEL).toolUse("write_app", writeApp("", "", from("app/globals.css", "components/Counter.tsx"), Map.of()), 31)
                .end("tool_use", 500);
        answers(wm, sse(cutOffIn("app/globals.css")), sse(rest));

        GeneratedCode code = generate(claude().build());

        Map<String, String> files = new LinkedHashMap<>();
        code.files().forEach((path, content) -> files.put(path, content.asString()));
        assertThat(files).isEqualTo(APP);
        assertThat(code.title()).isEqualTo("Brew Club");
        assertThat(code.metadata()).containsEntry("continuations", "1");
        assertThat(progress).contains("file started: app/globals.css",
                "the answer was cut off at max_tokens after 2 complete file(s), in app/globals.css; asking for the rest");
        JsonNode second = requestBodies(wm).get(1);
        assertThat(second.path("messages")).hasSize(1);
        assertThat(lastUserText(second)).contains("Your previous answer was cut off by the output limit of 8000 tokens while writing app/globals.css",
                "<file path=\"app/page.tsx\"", "<file path=\"app/layout.tsx\"", "(app/globals.css written again from its start)")
                .doesNotContain("<file path=\"app/globals.css\"");
    }

    @Test
    void anAnswerCutOffBeforeAnyFileIsCompleteFailsAndNamesTheFileAndTheLimit() {
        answers(wm, sse(cutOffIn("app/page.tsx")));

        assertThatThrownBy(() -> generate(claude().build()))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.phase()).hasValue(Phase.GENERATE);
                    assertThat(e.usage()).isEqualTo(new TokenUsage(3000, 8000, 0, 0));
                })
                .hasMessage("Claude's answer was cut off at the max_tokens limit of 8000 tokens while writing app/page.tsx and no file "
                        + "in it was complete; incomplete files are never used. Raise maxTokens (ANTHROPIC_MAX_TOKENS) or ask for a smaller app");
        assertThat(requestBodies(wm)).hasSize(1);
    }

    @Test
    void continuationsStopAtTheConfiguredNumber() {
        answers(wm, sse(cutOffIn("app/globals.css")));

        assertThatThrownBy(() -> generate(claude().maxContinuations(0).build()))
                .isInstanceOf(ClaudeGenerationException.class)
                .hasMessageStartingWith("Claude's answer was cut off at the max_tokens limit of 8000 tokens while writing app/globals.css;");
    }

    @Test
    void aProseAnswerCutOffKeepsOnlyItsClosedBlocks() {
        String prose = "```tsx app/page.tsx\nexport default function Page() { return null; }\n```\n\n```tsx components/Big.tsx\nexport function Big() {";
        String rest = SseScript.message(MODEL).toolUse("write_app", writeApp("", "", Map.of("components/Big.tsx", "export function Big() {}\n"), Map.of()), 50)
                .end("tool_use", 50);
        answers(wm, sse(SseScript.message(MODEL).text(prose, 25).end("max_tokens", 8000)), sse(rest));

        GeneratedCode code = generate(claude().build());

        assertThat(code.text("app/page.tsx")).isEqualTo("export default function Page() { return null; }\n");
        assertThat(code.text("components/Big.tsx")).isEqualTo("export function Big() {}\n");
        assertThat(code.metadata()).containsEntry("fallback", "fenced-blocks");
    }

    @Test
    void aRefusalIsReportedWithItsCategoryAndExplanation() {
        String stream = SseScript.message(MODEL).text("I can't help with that.", 50).event("message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"refusal\",\"stop_sequence\":null,\"stop_details\":"
                        + "{\"type\":\"refusal\",\"category\":\"cyber\",\"explanation\":\"This looks like a phishing page.\"}},"
                        + "\"usage\":{\"output_tokens\":12}}").cut() + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        answers(wm, sse(stream));

        assertThatThrownBy(() -> generate(claude().build()))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REFUSED))
                .hasMessage("Claude declined to generate this app (refusal category cyber): This looks like a phishing page. Rephrase the request");
    }

    @Test
    void aPausedTurnIsContinuedBySendingTheAnswerBackAsItCame() {
        String paused = SseScript.message(MODEL).text("Let me think about the layout.", 50).end("pause_turn", 20);
        String done = SseScript.message(MODEL).toolUse("write_app", writeApp("T", "D", from("app/page.tsx"), Map.of()), 40).end("tool_use", 90);
        answers(wm, sse(paused), sse(done));

        GeneratedCode code = generate(claude().build());

        assertThat(code.files()).containsOnlyKeys("app/page.tsx");
        assertThat(code.usage().outputTokens()).isEqualTo(110);
        JsonNode messages = requestBodies(wm).get(1).path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").get(0).path("text").asText()).isEqualTo("Let me think about the layout.");
        assertThat(progress).contains("Claude paused its turn; continuing it");
    }

    @Test
    void anAnswerWithoutFilesFailsQuotingItsStart() {
        answers(wm, sse(SseScript.message(MODEL).text("What colours would you like?", 50).end("end_turn", 9)));

        assertThatThrownBy(() -> generate(claude().build()))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FILES))
                .hasMessage("Claude returned no files (stop reason end_turn); its answer began: \"What colours would you like?\"");
    }

    @Test
    void aFileWithAPathOutsideTheProjectFailsNamingThePath() {
        String input = writeApp("T", "D", Map.of("../outside.tsx", "x"), Map.of());
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", input, 20).end("tool_use", 9)));

        assertThatThrownBy(() -> generate(claude().build()))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT))
                .hasMessage("Claude returned a file with an unusable path: ../outside.tsx: path escapes the project ('..')");
    }

    @Test
    void leadingSlashesOfPathsAreDropped() {
        String input = writeApp("T", "D", Map.of("./app/page.tsx", "x", "/app/layout.tsx", "y"), Map.of());
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", input, 20).end("tool_use", 9)));

        assertThat(generate(claude().build()).files()).containsOnlyKeys("app/page.tsx", "app/layout.tsx");
    }

    @Test
    void aToolInputThatIsNotValidJsonFailsAsInvalidOutput() {
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", "{\"title\": \"T\", \"files\": [}", 7).end("tool_use", 9)));

        assertThatThrownBy(() -> generate(claude().build()))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT))
                .hasMessageStartingWith("Claude's write_app call cannot be read: the tool input is not valid JSON (Unexpected close marker '}'");
    }

    @Test
    void aToolInputThatBreaksTheSchemaSaysWhere() {
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", "{\"files\":[{\"path\":\"a.tsx\"}]}", 7).end("tool_use", 9)));

        assertThatThrownBy(() -> generate(claude().build()))
                .hasMessage("Claude's answer does not fit the write_app schema: files[0] has no string \"content\"");
    }

    @Test
    void anInvalidDependencyNameIsRejected() {
        String input = writeApp("T", "D", Map.of("app/page.tsx", "x"), Map.of("Bad Name", "1.0.0"));
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", input, 50).end("tool_use", 9)));

        assertThatThrownBy(() -> generate(claude().build()))
                .hasMessage("Claude's answer does not fit the write_app schema: dependencies[0]: 'Bad Name' is not an npm package name");
    }
}
