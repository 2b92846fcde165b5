package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.APP;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.MODEL;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.applyChanges;
import static dev.sandboxorchestrator.generator.claude.Fixtures.lastUserText;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requestBodies;
import static dev.sandboxorchestrator.generator.claude.Fixtures.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.Diagnostic;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
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

/** Repair and refinement: what is sent, and that only changed files come back, edits applied. */
class RepairAndRefineTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String PAGE = "app/page.tsx";
    private static final BuildFailure TYPE_ERROR = new BuildFailure(List.of(new Diagnostic(PAGE, 4, 46, "type-error",
            "Type 'string' is not assignable to type 'number'.")), "Failed to compile.\n./app/page.tsx:4:46\nType error: Type 'string' ...");

    private final List<SandboxEvent> events = new ArrayList<>();

    private ClaudeCodeGenerator claude() {
        return ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).sleeper(new RecordingSleeper()).build();
    }

    private static GeneratedCode current() {
        return GeneratedCode.of(APP).withMetadata("format", "nextjs");
    }

    private static String changes(Map<String, String> files, String... edits) {
        return SseScript.message(MODEL).usage(4000, 0, 3500).toolUse("apply_changes", applyChanges(files, edits), 29).end("tool_use", 120);
    }

    @Test
    void repairSendsTheErrorsWithTheirSourceLinesAndTheFilesAndReturnsOnlyTheEditedFile() {
        answers(wm, sse(changes(Map.of(), PAGE, "<h1>Brew &quot;Club&quot;", "<h1 className=\"text-4xl\">Brew &quot;Club&quot;")));

        GeneratedCode fixes = claude().repair(current(), TYPE_ERROR, events::add);

        assertThat(fixes.files()).containsOnlyKeys(PAGE);
        assertThat(fixes.text(PAGE)).isEqualTo(APP.get(PAGE).replace("<h1>", "<h1 className=\"text-4xl\">"));
        assertThat(fixes.usage()).isEqualTo(new TokenUsage(4000, 120, 0, 3500));
        assertThat(fixes.metadata()).containsEntry("generator", "claude").containsEntry("model", MODEL);
        JsonNode body = requestBodies(wm).get(0);
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("auto");
        assertThat(lastUserText(body)).contains("The app below fails to build.",
                "1. app/page.tsx:4:46 type-error Type 'string' is not assignable to type 'number'.",
                "   line 4: return <main className=\"p-8\"><h1>Brew &quot;Club&quot; café ☕</h1><Counter /></main>;",
                "<build_log>\nFailed to compile.", "<file path=\"components/Counter.tsx\" lines=\"7\">",
                "Call apply_changes with only the changes that fix these errors.");
        assertThat(events).filteredOn(SandboxEvent.Progress.class::isInstance)
                .allSatisfy(event -> assertThat(((SandboxEvent.Progress) event).phase()).isEqualTo(Phase.REPAIR))
                .extracting(event -> ((SandboxEvent.Progress) event).message()).contains("edit started: app/page.tsx", "edit finished: app/page.tsx");
    }

    @Test
    void anEditThatDoesNotMatchIsSentBackOnceAsAToolErrorAndTheRetryIsApplied() {
        answers(wm, sse(changes(Map.of(), PAGE, "<h2>nope</h2>", "x", "components/Counter.tsx", "Cups: {n}", "Cups poured: {n}")),
                sse(changes(Map.of(), PAGE, "<h1>", "<h1 className=\"text-4xl\">")));

        GeneratedCode fixes = claude().repair(current(), TYPE_ERROR, events::add);

        assertThat(fixes.files()).containsOnlyKeys("components/Counter.tsx", PAGE);
        assertThat(fixes.text("components/Counter.tsx")).contains("Cups poured: {n}");
        assertThat(fixes.text(PAGE)).contains("<h1 className=\"text-4xl\">");
        assertThat(fixes.usage().inputTokens()).isEqualTo(8000);
        JsonNode messages = requestBodies(wm).get(1).path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").get(0).path("name").asText()).isEqualTo("apply_changes");
        JsonNode result = messages.get(2).path("content").get(0);
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo(messages.get(1).path("content").get(0).path("id").asText());
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").asText()).contains("- app/page.tsx: the text to replace was not found in app/page.tsx",
                "<file path=\"app/page.tsx\"");
    }

    @Test
    void editsThatFailAgainEndWithAClearError() {
        answers(wm, sse(changes(Map.of(), PAGE, "<h2>nope</h2>", "x")));

        assertThatThrownBy(() -> claude().repair(current(), TYPE_ERROR, null))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EDIT_FAILED);
                    assertThat(e.phase()).hasValue(Phase.REPAIR);
                })
                .hasMessage("Claude's edits could not be applied, also after they were sent back once: [app/page.tsx: the text to replace "
                        + "was not found in app/page.tsx (it must match the current file exactly, whitespace included): \"<h2>nope</h2>\"]");
        assertThat(requestBodies(wm)).hasSize(2);
    }

    @Test
    void refineReturnsOnlyTheFilesThatChangedWithTheirWholeContent() {
        String layout = APP.get("app/layout.tsx").replace("<body>", "<body className=\"pt-16\">");
        answers(wm, sse(changes(Map.of("app/layout.tsx", layout, "app/globals.css", APP.get("app/globals.css")),
                PAGE, "<main className=\"p-8\">", "<main className=\"p-8\"><header className=\"sticky top-0\">Brew</header>")));

        GeneratedCode changes = claude().refine(current(), "make the header sticky", events::add);

        assertThat(changes.files()).containsOnlyKeys("app/layout.tsx", PAGE);
        assertThat(changes.text("app/layout.tsx")).isEqualTo(layout);
        assertThat(changes.text(PAGE)).contains("<header className=\"sticky top-0\">Brew</header>").endsWith("}\n");
        assertThat(lastUserText(requestBodies(wm).get(0))).startsWith("Change the app as the user asks:\n\n<change_request>\nmake the header sticky\n")
                .contains("<file path=\"app/page.tsx\"", "keep everything else as it is");
        assertThat(events).filteredOn(SandboxEvent.Progress.class::isInstance)
                .allSatisfy(event -> assertThat(((SandboxEvent.Progress) event).phase()).isEqualTo(Phase.REFINE));
    }

    @Test
    void refineWithoutChangesFails() {
        answers(wm, sse(changes(Map.of("app/globals.css", APP.get("app/globals.css")))));

        assertThatThrownBy(() -> claude().refine(current(), "make it nicer", null))
                .isInstanceOfSatisfying(ClaudeGenerationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_FILES))
                .hasMessage("Claude returned no changes for \"make it nicer\"");
    }

    @Test
    void aBlankRefinementIsRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> claude().refine(current(), "  ", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("request: must not be blank");
        assertThat(requestBodies(wm)).isEmpty();
    }

    @Test
    void pathsTheBuildReportsAreMappedOntoTheFilesAsTheyWereGiven() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("page.tsx", APP.get(PAGE));
        flat.put("layout.tsx", APP.get("app/layout.tsx"));
        answers(wm, sse(changes(Map.of(), "app/page.tsx", "<h1>", "<h1 className=\"text-4xl\">")));

        GeneratedCode fixes = claude().repair(GeneratedCode.of(flat), TYPE_ERROR, null);

        assertThat(fixes.files()).containsOnlyKeys("page.tsx");
        assertThat(lastUserText(requestBodies(wm).get(0))).contains("1. page.tsx:4:46 type-error", "   line 4: return <main");
    }

    @Test
    void binaryFilesAreListedButNotSentAndHtmlCodeIsRepairedAsHtml() {
        Map<String, FileContent> files = new LinkedHashMap<>();
        files.put("index.html", FileContent.text("<!doctype html><title>x</title><p>hi</p>\n"));
        files.put("logo.png", FileContent.bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        answers(wm, sse(changes(Map.of(), "index.html", "<p>hi</p>", "<p>hello</p>")));

        GeneratedCode fixes = claude().repair(new GeneratedCode(files, null, null, null, null, null),
                new BuildFailure(List.of(), "Error: something"), null);

        assertThat(fixes.text("index.html")).contains("<p>hello</p>");
        assertThat(fixes.metadata()).containsEntry("format", "html");
        JsonNode body = requestBodies(wm).get(0);
        assertThat(lastUserText(body)).contains("Binary files (not shown, cannot be edited): logo.png",
                "(no error could be parsed from the output; see the log)");
        assertThat(body.path("system").get(0).path("text").asText()).contains("index.html, a complete document");
    }
}
