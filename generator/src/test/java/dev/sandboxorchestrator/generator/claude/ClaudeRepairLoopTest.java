package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.MODEL;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.applyChanges;
import static dev.sandboxorchestrator.generator.claude.Fixtures.lastUserText;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requestBodies;
import static dev.sandboxorchestrator.generator.claude.Fixtures.sse;
import static dev.sandboxorchestrator.generator.claude.Fixtures.writeApp;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.TokenUsage;
import dev.sandboxorchestrator.generator.claude.loop.FakeConverter;
import dev.sandboxorchestrator.generator.claude.loop.FakeProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real generator in the real orchestrator: generate, a failed build, a repair by edit, a refinement. */
class ClaudeRepairLoopTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final String PAGE = "export default function Page() {\n  const cups: number = BUG(Type 'string' is not assignable to type 'number'.);\n"
            + "  return <h1>Cups: {cups}</h1>;\n}\n";

    private final FakeProvider provider = new FakeProvider();
    private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopProvider() {
        provider.close();
    }

    @Test
    void aBuildErrorIsRepairedByClaudesEditAndThePreviewComesUp() {
        String generated = SseScript.message(MODEL).usage(2000, 1500, 0)
                .toolUse("write_app", writeApp("Cups", "Counts cups.", Map.of("app/page.tsx", PAGE), Map.of()), 17).end("tool_use", 300);
        String repaired = SseScript.message(MODEL).usage(1000, 0, 1500)
                .toolUse("apply_changes", applyChanges(Map.of(), "app/page.tsx",
                        "const cups: number = BUG(Type 'string' is not assignable to type 'number'.);", "const cups: number = 3;"), 17)
                .end("tool_use", 80);
        String refined = SseScript.message(MODEL).usage(1000, 0, 1500)
                .toolUse("apply_changes", applyChanges(Map.of(), "app/page.tsx", "<h1>", "<h1 className=\"sticky top-0\">"), 17)
                .end("tool_use", 60);
        answers(wm, sse(generated), sse(repaired), sse(refined));
        ClaudeCodeGenerator claude = ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).sleeper(new RecordingSleeper()).build();

        try (SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().generator(claude).converter(new FakeConverter())
                .provider(provider).listener(events::add).build()) {
            Preview preview = orchestrator.generate(GenerationRequest.of("count cups"), SandboxSpec.named("cups"), null);

            assertThat(provider.files.get("app/page.tsx")).contains("const cups: number = 3;").doesNotContain("BUG");
            assertThat(preview.usage()).isEqualTo(new TokenUsage(3000, 380, 1500, 1500));
            assertThat(lastUserText(requestBodies(wm).get(1))).contains(
                    "1. app/page.tsx:2:24 type-error Type 'string' is not assignable to type 'number'.",
                    "   line 2: const cups: number = BUG(");
            assertThat(events).filteredOn(SandboxEvent.UsageReported.class::isInstance).hasSize(2);

            orchestrator.refine(preview.sandboxId(), "make the header sticky", null);

            assertThat(provider.files.get("app/page.tsx")).contains("<h1 className=\"sticky top-0\">Cups: {cups}</h1>", "const cups: number = 3;");
            assertThat(provider.writes.get(provider.writes.size() - 1)).containsOnlyKeys("app/page.tsx");
        }
    }
}
