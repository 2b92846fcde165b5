package dev.sandboxorchestrator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.examples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./sandbox program end to end, in-process, with the local provider and nothing configured. */
class CliIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("SANDBOX_ROOT", LocalPipelineIT.ROOT.toString());
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateCheckPrintsTheAnsweringPreviewUrlAndLeavesNothingBehind() {
        int status = run("generate", "Create a modern landing page for a coffee subscription", "--check");
        assertThat(status).as("stderr:%n%s", err).isZero();
        assertThat(out()).containsPattern("Preview: http://127\\.0\\.0\\.1:\\d+/");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("▸ build", "▸ ready", "Checked and deleted");
    }

    @Test
    void deployTakesTheGuidesCreateRequestAsJson(@TempDir Path dir) throws Exception {
        Path request = dir.resolve("request.json");
        Files.writeString(request, """
                {"generatedCode": {"page.tsx": "export default function Page() { return <h1>From JSON</h1>; }"},
                 "projectName": "json-request", "description": "from a file"}
                """);
        assertThat(run("deploy", request.toString(), "--check")).as("stderr:%n%s", err).isZero();
        assertThat(out()).contains("Preview: http://127.0.0.1:", "(json-request)");
    }

    @Test
    void badInputFailsWithOneLineAndAUsageHint(@TempDir Path dir) throws Exception {
        Path request = dir.resolve("bad.json");
        Files.writeString(request, "{\"generatedCode\": []}");
        assertThat(run("deploy", request.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(
                "error: generatedCode must be an object with filename -> content mapping\n");
    }

    @Test
    void unknownSandboxIsAOneLineError() {
        assertThat(run("status", "sbx-nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: No sandbox with id sbx-nope\n");
    }
}
