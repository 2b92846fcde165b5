package dev.sandboxorchestrator.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FidelityCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @TempDir
    Path corpus;

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fidelityIsListedAndHasHelp() {
        assertThat(cli.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fidelity");
        assertThat(cli.run("fidelity", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./sandbox fidelity CORPUS_DIR [--cases a,b,c] [--out DIR] [--report PATH]");
    }

    @Test
    void fidelityFailsWithUsageErrorWhenTheCorpusIsMissing() {
        assertThat(cli.run("fidelity")).isEqualTo(2);
        assertThat(errors()).contains("error: CORPUS_DIR is missing");
    }

    @Test
    void fidelityFailsWithUsageErrorWhenTheCorpusIsNotAFolder() {
        assertThat(cli.run("fidelity", corpus.resolve("nope").toString())).isEqualTo(2);
        assertThat(errors()).contains("error: CORPUS_DIR: " + corpus.resolve("nope") + " is not a folder");
    }

    @Test
    void fidelityFailsWithUsageErrorWhenTheCorpusHasNoCases() {
        assertThat(cli.run("fidelity", corpus.toString())).isEqualTo(2);
        assertThat(errors()).contains("has no case folders (folders with an index.html)");
    }

    @Test
    void fidelityNamesUnknownCasesAndUnknownOptions() throws IOException {
        Files.createDirectories(corpus.resolve("one"));
        Files.writeString(corpus.resolve("one/index.html"), "<p>x</p>");
        assertThat(cli.run("fidelity", corpus.toString(), "--cases", "one,two")).isEqualTo(2);
        assertThat(errors()).contains("error: --cases: no such case in " + corpus + ": two");
        assertThat(cli.run("fidelity", corpus.toString(), "--case", "one")).isEqualTo(2);
        assertThat(errors()).contains("error: --case is not an option of this command");
    }
}
