package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibrates the harness with a converter whose output is known: an exact copy must measure as perfect, and a
 * copy with a dropped paragraph, a new box, a new console error and a dead button must be caught on every measure.
 */
class FidelityIT {
    private static final String PLAIN = """
            <!doctype html><html><head><title>Plain</title><link rel="stylesheet" href="css/site.css"></head>
            <body><h1>Plain page</h1><p id="drop">This paragraph is visible text.</p><p>Another paragraph.</p>
            <div class="tall">Bottom</div></body></html>
            """;
    private static final String SCRIPTED = """
            <!doctype html><html><head><title>Scripted</title><link rel="stylesheet" href="css/site.css"></head>
            <body><h1>Greeter</h1><input id="name" type="text">
            <button onclick="document.getElementById('out').textContent = 'Hello ' + document.getElementById('name').value">Greet</button>
            <p id="out">Nobody greeted yet.</p></body></html>
            """;
    private static final String CSS = "body{font-family:sans-serif;margin:20px} h1{color:#345} .tall{height:1500px;background:#eef}";

    @TempDir
    static Path corpus;
    @TempDir
    Path out;

    @BeforeAll
    static void writeCorpus() throws IOException {
        for (String[] page : List.of(new String[] {"plain", PLAIN}, new String[] {"scripted", SCRIPTED})) {
            Path dir = Files.createDirectories(corpus.resolve(page[0]).resolve("css"));
            Files.writeString(dir.resolve("site.css"), CSS);
            Files.writeString(dir.getParent().resolve("index.html"), page[1]);
        }
        Files.createDirectories(corpus.resolve("not-a-case"));
    }

    private FidelityReport run(UnaryOperator<String> rewrite) {
        return Fidelity.builder().corpus(corpus).converter(new StaticSiteConverter(rewrite)).out(out).build().run();
    }

    @Test
    void anExactCopyMeasuresAsPerfect() {
        FidelityReport report = run(UnaryOperator.identity());
        assertThat(report.cases()).extracting(CaseResult::name).containsExactly("plain", "scripted");
        assertThat(report.cases()).allSatisfy(result -> {
            assertThat(result.build()).isEqualTo("ok");
            assertThat(result.firstScreenDiff()).isZero();
            assertThat(result.fullPageDiff()).isZero();
            assertThat(result.textSimilarity()).isEqualTo(1.0);
            assertThat(result.newConsoleErrors()).isEmpty();
        });
        assertThat(report.cases().get(0).interaction()).isEqualTo("n/a");
        assertThat(report.cases().get(1).interaction()).isEqualTo("same");
        assertThat(report.cases().get(1).interactionDetail()).contains("type into input|text||").contains("click button|||Greet");
        assertThat(report.targetsMet()).isTrue();
        assertThat(out.resolve("scripted/converted-after.png")).exists();
        assertThat(out.resolve("plain/diff-full.png")).exists();
    }

    @Test
    void aDistortedCopyIsCaughtOnEveryMeasure() {
        FidelityReport report = run(html -> html
                .replace("<p id=\"drop\">This paragraph is visible text.</p>", "")
                .replace("<body>", "<body><div style=\"height:120px;background:red\"></div>"
                        + "<script>console.error('only in the copy')</script>")
                .replace("onclick=", "data-onclick="));
        CaseResult plain = report.cases().get(0);
        assertThat(plain.firstScreenDiff()).isGreaterThan(5.0);
        assertThat(plain.fullPageDiff()).isGreaterThan(5.0);
        assertThat(plain.textSimilarity()).isLessThan(0.99);
        assertThat(plain.textDiff()).contains("\"This paragraph is visible text.");
        assertThat(plain.newConsoleErrors()).singleElement().asString().contains("only in the copy");
        assertThat(report.cases().get(1).interaction()).isEqualTo("different");
        assertThat(report.cases().get(1).interactionDetail()).contains("\"Hello Fidelity 42\" → \"Nobody greeted yet.\"");
        assertThat(report.targetsMet()).isFalse();
    }

    @Test
    void unknownCasesAreRejectedByName() {
        Fidelity fidelity = Fidelity.builder().corpus(corpus).converter(new StaticSiteConverter(UnaryOperator.identity()))
                .cases(List.of("plain", "nope")).build();
        assertThatThrownBy(fidelity::cases).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such case in " + corpus + ": nope");
    }
}
