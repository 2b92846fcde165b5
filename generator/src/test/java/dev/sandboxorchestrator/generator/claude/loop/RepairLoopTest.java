package dev.sandboxorchestrator.generator.claude.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.BuildFailedException;
import dev.sandboxorchestrator.core.Diagnostic;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's bounded repair loop, run for real ({@link SandboxOrchestrator}, its Pipeline) against a
 * scripted generator and a provider whose build fails exactly while a file contains {@code BUG(…)}.
 */
class RepairLoopTest {
    private static final String OK_PAGE = "export default function Page() { return <h1>Hi</h1>; }\n";
    private static final String BROKEN_PAGE = "export default function Page() {\n  const n: number = BUG(Type 'string' is not assignable to type 'number'.);\n"
            + "  return <h1>{n}</h1>;\n}\n";

    private final FakeProvider provider = new FakeProvider();
    private final List<SandboxEvent> events = new CopyOnWriteArrayList<>();
    private SandboxOrchestrator orchestrator;

    @AfterEach
    void closeEverything() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        provider.close();
    }

    private SandboxOrchestrator orchestrator(CodeGenerator generator, int attempts, long budget) {
        orchestrator = SandboxOrchestrator.builder().generator(generator).converter(new FakeConverter()).provider(provider)
                .maxRepairAttempts(attempts).repairTokenBudget(budget).listener(events::add).build();
        return orchestrator;
    }

    private Preview generate(CodeGenerator generator, int attempts, long budget) {
        return orchestrator(generator, attempts, budget).generate(GenerationRequest.of("an app"), SandboxSpec.named("loop-test"), null);
    }

    private List<String> repairProgress() {
        return events.stream().filter(e -> e instanceof SandboxEvent.Progress p && p.phase() == Phase.REPAIR)
                .map(e -> ((SandboxEvent.Progress) e).message()).collect(Collectors.toList());
    }

    private List<String> repairAttempts() {
        return events.stream().filter(e -> e instanceof SandboxEvent.PhaseStarted s && s.phase() == Phase.REPAIR)
                .map(e -> ((SandboxEvent.PhaseStarted) e).detail()).collect(Collectors.toList());
    }

    private long builds() {
        return provider.commands.stream().filter("build"::equals).count();
    }

    @Test
    void aRepairThatFixesTheBuildConvergesAndOnlyTheFixedFileIsWrittenAgain() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", BROKEN_PAGE, "app/layout.tsx", "layout"), 2_000,
                (attempt, current) -> Map.of("app/page.tsx", OK_PAGE));

        Preview preview = generate(generator, 2, 400_000);

        assertThat(preview.usage().inputTokens()).isEqualTo(2_100);
        assertThat(builds()).isEqualTo(2);
        assertThat(provider.writes).hasSize(2);
        assertThat(provider.writes.get(1)).isEqualTo(Map.of("app/page.tsx", OK_PAGE));
        assertThat(generator.failures).singleElement().satisfies(failure -> assertThat(failure.diagnostics()).containsExactly(
                new Diagnostic("app/page.tsx", 2, 21, "type-error", "Type 'string' is not assignable to type 'number'.")));
        assertThat(repairAttempts()).containsExactly("attempt 1: app/page.tsx:2:21 type-error Type 'string' is not assignable to type 'number'.");
        assertThat(repairProgress()).containsExactly("attempt 1 changed [app/page.tsx]");
        assertThat(provider.deleted).isEmpty();
    }

    @Test
    void theLoopStopsAtOnceWhenTheSameErrorComesBack() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", BROKEN_PAGE), 2_000,
                (attempt, current) -> Map.of("app/page.tsx", BROKEN_PAGE.replace("<h1>", "<h2>").replace("</h1>", "</h2>")));

        assertThatThrownBy(() -> generate(generator, 5, 400_000))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("build failed in sandbox fake-1: app/page.tsx:2:21 type-error Type 'string' is not assignable");
        assertThat(generator.failures).hasSize(1);
        assertThat(builds()).isEqualTo(2);
        assertThat(repairProgress()).endsWith("repair stopped: the same error came back after a repair");
        assertThat(provider.deleted).containsExactly("fake-1");
    }

    @Test
    void theLoopStopsWhenTheRepairTokenBudgetIsSpent() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", BROKEN_PAGE), 6_000,
                (attempt, current) -> Map.of("app/page.tsx", "const x = BUG(new error " + attempt + ");\n"));

        assertThatThrownBy(() -> generate(generator, 5, 5_000)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("new error 1");
        assertThat(generator.failures).hasSize(1);
        assertThat(repairProgress()).endsWith("repair stopped: the repair token budget of 5000 is spent");
    }

    @Test
    void theLoopGivesUpAfterTheConfiguredNumberOfAttemptsEachOfThemAnEvent() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", BROKEN_PAGE), 1_000,
                (attempt, current) -> Map.of("app/page.tsx", "const x = BUG(new error " + attempt + ");\n"));

        assertThatThrownBy(() -> generate(generator, SandboxOrchestrator.DEFAULT_MAX_REPAIR_ATTEMPTS, 400_000))
                .isInstanceOf(BuildFailedException.class).hasMessageContaining("new error 2");
        assertThat(generator.failures).hasSize(2);
        assertThat(builds()).isEqualTo(3);
        assertThat(repairAttempts()).hasSize(2).last().asString().startsWith("attempt 2: app/page.tsx:1:11 type-error new error 1");
        assertThat(repairProgress()).endsWith("repair stopped: gave up after 2 repair attempt(s)");
    }

    @Test
    void noRepairIsTriedWhenAttemptsAreZero() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", BROKEN_PAGE), 1_000, (attempt, current) -> Map.of());

        assertThatThrownBy(() -> generate(generator, 0, 400_000)).isInstanceOf(BuildFailedException.class);
        assertThat(generator.failures).isEmpty();
        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void refineWritesOnlyTheChangedFilesIntoTheRunningSandboxAndWaitsForThePreview() {
        ScriptedGenerator generator = new ScriptedGenerator(Map.of("app/page.tsx", OK_PAGE, "app/layout.tsx", "layout"), 0,
                (attempt, current) -> Map.of("app/page.tsx", OK_PAGE.replace("<h1>", "<h1 className=\"sticky top-0\">")));
        Preview preview = generate(generator, 2, 400_000);

        Preview refined = orchestrator.refine(preview.sandboxId(), "make the header sticky", null);

        assertThat(refined.sandboxId()).isEqualTo(preview.sandboxId());
        assertThat(provider.writes.get(provider.writes.size() - 1)).isEqualTo(Map.of("app/page.tsx",
                OK_PAGE.replace("<h1>", "<h1 className=\"sticky top-0\">")));
        assertThat(provider.commands).containsSubsequence("build", "start", "build", "start");
    }
}
