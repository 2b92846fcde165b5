package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity harness on the real converter, one small scripted page (real npm install, {@code next build},
 * {@code next start}, Chromium): about a minute. The whole corpus is a benchmark ({@code ./sandbox fidelity}).
 */
class NextJsFidelityIT {
    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Counter</title>
            <link rel="stylesheet" href="css/site.css"></head>
            <body><header><h1>Counter</h1><p class="lead">A small page with a style sheet and a script.</p></header>
            <label for="who">Name</label> <input id="who" type="text">
            <button id="add" onclick="add()">Add one</button>
            <p>Count: <span id="count">0</span>, last by <span id="by">nobody</span></p>
            <script src="js/counter.js"></script></body></html>
            """;
    private static final String SCRIPT = """
            function add() {
              const count = document.getElementById('count');
              count.textContent = String(Number(count.textContent) + 1);
              document.getElementById('by').textContent = document.getElementById('who').value || 'anonymous';
            }
            """;
    private static final String CSS = "body{font-family:sans-serif;margin:24px;background:#fafaf5}"
            + " header{border-bottom:4px solid #284;margin-bottom:16px} .lead{color:#555;font-size:20px}";

    @TempDir
    Path corpus;
    @TempDir
    Path out;

    @Test
    void aConvertedScriptedPageBuildsLooksTheSameAndReactsTheSame() throws IOException {
        Path page = Files.createDirectories(corpus.resolve("counter"));
        Files.createDirectories(page.resolve("css"));
        Files.createDirectories(page.resolve("js"));
        Files.writeString(page.resolve("index.html"), PAGE);
        Files.writeString(page.resolve("css/site.css"), CSS);
        Files.writeString(page.resolve("js/counter.js"), SCRIPT);

        FidelityReport report = Fidelity.builder().corpus(corpus).converter(new NextJsProjectConverter()).out(out).build().run();

        CaseResult result = report.cases().get(0);
        assertThat(result.build()).as(result.buildDetail()).isEqualTo("ok");
        assertThat(result.firstScreenDiff()).isLessThanOrEqualTo(FidelityReport.TARGET_FIRST_SCREEN_P90);
        assertThat(result.fullPageDiff()).isLessThanOrEqualTo(FidelityReport.TARGET_FULL_PAGE_P90);
        assertThat(result.textSimilarity()).as(result.textDiff()).isGreaterThanOrEqualTo(FidelityReport.TARGET_TEXT_SIMILARITY);
        assertThat(result.newConsoleErrors()).isEmpty();
        assertThat(result.interaction()).as(result.interactionDetail()).isEqualTo("same");
        assertThat(Files.readString(out.resolve("counter/converted-after.txt"))).contains("Count: 1, last by Fidelity 42");
        assertThat(out.resolve("counter/converted/package.json")).exists();
    }
}
