package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.PhaseFailedException;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.internal.Sleeper;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import dev.sandboxorchestrator.examples.browser.Chrome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Measures one case: the original page, then the converted app, then the comparison. Writes its files. */
final class CaseRun {
    /** Beyond the pixel difference the pages already had, the interaction may add this much (percentage points). */
    static final double INTERACTION_PIXEL_SLACK = 1.0;
    /** Beyond the text difference the pages already had, the interaction may add this much. */
    static final double INTERACTION_TEXT_SLACK = 0.005;

    private final Chrome chrome;
    private final SandboxOrchestrator orchestrator;
    private final ProjectConverter converter;
    private final Path out;
    private final PageProbe probe;
    private final Interaction interaction;

    CaseRun(Chrome chrome, SandboxOrchestrator orchestrator, ProjectConverter converter, Path out) {
        this.chrome = chrome;
        this.orchestrator = orchestrator;
        this.converter = converter;
        this.out = out;
        this.probe = new PageProbe(chrome, Sleeper.SYSTEM);
        this.interaction = new Interaction(chrome, Sleeper.SYSTEM);
    }

    CaseResult run(String name, Path folder) {
        Path dir = out.resolve(name);
        try {
            Files.createDirectories(dir);
            PageProbe.Capture original;
            Interaction.Plan plan;
            Interaction.Outcome originalAfter;
            try (StaticServer server = StaticServer.serve(folder)) {
                original = probe.capture(server.url());
                plan = interaction.plan();
                originalAfter = applicable(original, plan) ? interaction.perform(plan) : null;
            }
            write(dir, "original", original, originalAfter);
            return converted(name, folder, dir, original, plan, originalAfter);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results of " + name + " to " + dir, e);
        } catch (RuntimeException e) {
            return CaseResult.failed(name, "error", firstLine(e));
        }
    }

    private CaseResult converted(String name, Path folder, Path dir, PageProbe.Capture original, Interaction.Plan plan,
            Interaction.Outcome originalAfter) throws IOException {
        GeneratedCode code = GeneratedCode.fromDirectory(folder);
        Project project;
        try {
            project = converter.convert(code);
        } catch (RuntimeException e) {
            return CaseResult.failed(name, "convert failed", firstLine(e));
        }
        writeProject(dir.resolve("converted"), project);
        Preview preview;
        try {
            preview = orchestrator.deploy(code, SandboxSpec.named("fidelity-" + name), event -> { });
        } catch (PhaseFailedException e) {
            Files.writeString(dir.resolve("build.log"), e.getMessage());
            return CaseResult.failed(name, e.phase().map(p -> p.label() + " failed").orElse("error"), firstLine(e));
        } catch (SandboxOrchestratorException e) {
            Files.writeString(dir.resolve("build.log"), String.valueOf(e.getMessage()));
            return CaseResult.failed(name, e.phase().map(p -> p.label() + " failed").orElse("error"), firstLine(e));
        }
        try {
            PageProbe.Capture converted = probe.capture(preview.url());
            Interaction.Outcome convertedAfter = originalAfter == null ? null : interaction.perform(plan);
            write(dir, "converted", converted, convertedAfter);
            String took = preview.totalTime().toSeconds() + " s";
            return compare(name, took, dir, original, converted, plan, originalAfter, convertedAfter);
        } finally {
            orchestrator.delete(preview.sandboxId());
        }
    }

    private CaseResult compare(String name, String took, Path dir, PageProbe.Capture original, PageProbe.Capture converted,
            Interaction.Plan plan, Interaction.Outcome originalAfter, Interaction.Outcome convertedAfter) throws IOException {
        ImageDiff first = ImageDiff.compare(original.firstScreen(), converted.firstScreen());
        ImageDiff full = ImageDiff.compare(original.fullPage(), converted.fullPage());
        Files.write(dir.resolve("diff-first.png"), first.highlightPng());
        Files.write(dir.resolve("diff-full.png"), full.highlightPng());
        TextDiff text = TextDiff.compare(original.text(), converted.text());
        List<String> newErrors = ConsoleDiff.newErrors(original.consoleErrors(), converted.consoleErrors());
        Files.writeString(dir.resolve("console.txt"), "original:\n" + String.join("\n", original.consoleErrors())
                + "\n\nconverted:\n" + String.join("\n", converted.consoleErrors()) + "\n\nnew:\n" + String.join("\n", newErrors) + "\n");
        String[] verdict = originalAfter == null ? new String[] {"n/a", original.hasScripts() ? "nothing to interact with" : "no scripts"}
                : interactionVerdict(dir, first.percent(), text.similarity(), original, converted, plan, originalAfter,
                        convertedAfter);
        String notes = String.join(" ", original.note(), converted.note()).strip();
        return new CaseResult(name, "ok", took + (notes.isEmpty() ? "" : "; " + notes), first.percent(), full.percent(),
                text.similarity(), text.snippet(), newErrors, verdict[0], verdict[1]);
    }

    /**
     * "same" when the interaction changed both pages and added no difference between them beyond small slacks: the
     * after-states are compared against how far apart the pages already were before, so a page whose conversion
     * differs a little is judged on what the interaction did, not on what it already was.
     */
    private static String[] interactionVerdict(Path dir, double firstDiff, double textBefore, PageProbe.Capture original,
            PageProbe.Capture converted, Interaction.Plan plan, Interaction.Outcome originalAfter,
            Interaction.Outcome convertedAfter) throws IOException {
        String what = plan.describe();
        if (originalAfter.error() != null) {
            return new String[] {"n/a", what + ": failed on the original: " + originalAfter.error()};
        }
        if (convertedAfter.error() != null) {
            return new String[] {"error", what + ": " + convertedAfter.error()};
        }
        boolean changedOriginal = changed(original, originalAfter);
        boolean changedConverted = changed(converted, convertedAfter);
        if (!changedOriginal) {
            return new String[] {"no change", what + (changedConverted ? " (but the converted page changed)" : "")};
        }
        ImageDiff after = ImageDiff.compare(originalAfter.screenshot(), convertedAfter.screenshot());
        Files.write(dir.resolve("diff-after.png"), after.highlightPng());
        TextDiff text = TextDiff.compare(originalAfter.text(), convertedAfter.text());
        boolean same = changedConverted
                && text.similarity() >= Math.min(textBefore, FidelityReport.TARGET_TEXT_SIMILARITY) - INTERACTION_TEXT_SLACK
                && after.percent() <= firstDiff + INTERACTION_PIXEL_SLACK;
        String detail = String.format(Locale.ROOT, "%s: converted %s; after: text %.3f (before %.3f), pixels %.2f%% (before %.2f%%)%s",
                what, changedConverted ? "changed" : "did NOT change", text.similarity(), textBefore, after.percent(), firstDiff,
                text.snippet().isEmpty() ? "" : "; " + text.snippet());
        return new String[] {same ? "same" : "different", detail};
    }

    private static boolean changed(PageProbe.Capture before, Interaction.Outcome after) {
        return !TextDiff.normalise(before.text()).equals(TextDiff.normalise(after.text()))
                || ImageDiff.compare(before.firstScreen(), after.screenshot()).percent() > 0;
    }

    private static boolean applicable(PageProbe.Capture original, Interaction.Plan plan) {
        return original.hasScripts() && !plan.isEmpty();
    }

    private static void write(Path dir, String side, PageProbe.Capture capture, Interaction.Outcome after) throws IOException {
        Files.write(dir.resolve(side + "-first.png"), capture.firstScreen());
        Files.write(dir.resolve(side + "-full.png"), capture.fullPage());
        Files.writeString(dir.resolve(side + ".txt"), capture.text(), StandardCharsets.UTF_8);
        if (after != null && after.error() == null) {
            Files.write(dir.resolve(side + "-after.png"), after.screenshot());
            Files.writeString(dir.resolve(side + "-after.txt"), after.text(), StandardCharsets.UTF_8);
        }
    }

    private static void writeProject(Path dir, Project project) throws IOException {
        for (var file : project.files().entrySet()) {
            Path target = dir.resolve(file.getKey()).normalize();
            if (target.startsWith(dir)) {
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().toBytes());
            }
        }
    }

    private static String firstLine(Exception e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
