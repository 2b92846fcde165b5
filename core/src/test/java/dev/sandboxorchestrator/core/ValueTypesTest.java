package dev.sandboxorchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    @Test
    void sandboxSpecDefaultsToTheGuidesOneHourAutoStop() {
        SandboxSpec spec = SandboxSpec.named("coffee");
        assertThat(spec.autoStop()).isEqualTo(Duration.ofHours(1));
        assertThat(spec.labels()).isEmpty();
        assertThat(spec.resources()).isEqualTo(Resources.DEFAULT);
    }

    @Test
    void sandboxSpecRejectsBadNamesAndEnvironmentVariables() {
        assertThatThrownBy(() -> SandboxSpec.named("has space")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("name: must be 1-63 letters");
        assertThatThrownBy(() -> SandboxSpec.builder("ok").env("1BAD", "x").build())
                .hasMessage("environment.1BAD: is not a valid environment variable name");
    }

    @Test
    void sandboxSpecCopiesItsMaps() {
        java.util.HashMap<String, String> labels = new java.util.HashMap<>(Map.of("a", "1"));
        SandboxSpec spec = SandboxSpec.builder("x").labels(labels).build();
        labels.put("b", "2");
        assertThat(spec.labels()).containsOnlyKeys("a");
        assertThat(spec.withLabel("b", "2").labels()).containsOnlyKeys("a", "b");
    }

    @Test
    void generatedCodeKeepsTheOrderFilesWereGivenIn() {
        java.util.LinkedHashMap<String, String> files = new java.util.LinkedHashMap<>();
        files.put("z.tsx", "z");
        files.put("a.tsx", "a");
        assertThat(GeneratedCode.of(files).files().keySet()).containsExactly("z.tsx", "a.tsx");
    }

    @Test
    void fromDirectoryReadsTextAndBytesAndSkipsInstalledDependencies(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("css"));
        java.nio.file.Files.createDirectories(dir.resolve("node_modules/x"));
        java.nio.file.Files.writeString(dir.resolve("index.html"), "<h1>é</h1>");
        java.nio.file.Files.writeString(dir.resolve("css/site.css"), "h1{}");
        java.nio.file.Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        java.nio.file.Files.writeString(dir.resolve("node_modules/x/index.js"), "x");
        GeneratedCode code = GeneratedCode.fromDirectory(dir);
        assertThat(code.files().keySet()).containsExactly("css/site.css", "index.html", "logo.png");
        assertThat(code.files().get("index.html").isText()).isTrue();
        assertThat(code.text("index.html")).isEqualTo("<h1>é</h1>");
        assertThat(code.files().get("logo.png").isText()).isFalse();
        assertThatThrownBy(() -> GeneratedCode.fromDirectory(dir.resolve("index.html"))).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("index.html is not a directory");
    }

    @Test
    void tokenUsageAddsUp() {
        TokenUsage sum = new TokenUsage(1, 2, 3, 4).plus(new TokenUsage(10, 20, 30, 40));
        assertThat(sum).isEqualTo(new TokenUsage(11, 22, 33, 44));
        assertThat(sum.total()).isEqualTo(110);
    }

    @Test
    void phaseFailedExceptionNamesPhaseSandboxAndLogTail() {
        PhaseFailedException e = new PhaseFailedException(Phase.INSTALL, "sbx-1", "'npm install' exited with 1", "npm ERR! 404 nope\n");
        assertThat(e).hasMessage("install failed in sandbox sbx-1: 'npm install' exited with 1\n"
                + "--- last lines of the install log ---\nnpm ERR! 404 nope");
        assertThat(e.phase()).contains(Phase.INSTALL);
        assertThat(e.logTail()).contains("404");
    }

    @Test
    void buildFailureSummaryAndFingerprintIgnoreOrder() {
        Diagnostic a = new Diagnostic("app/page.tsx", 3, 5, "type-error", "boom");
        Diagnostic b = new Diagnostic("app/x.tsx", 1, 1, "lint", "bang");
        assertThat(new BuildFailure(List.of(a, b), "").summary()).isEqualTo("app/page.tsx:3:5 type-error boom (and 1 more)");
        assertThat(new BuildFailure(List.of(a, b), "x").fingerprint()).isEqualTo(new BuildFailure(List.of(b, a), "y").fingerprint());
    }

    @Test
    void serviceExceptionMessageCarriesWhatACallerNeeds() {
        ServiceException e = new ServiceException("Daytona", 429, "TooManyRequests", "slow down", "/sandbox", "req-1", 3,
                Duration.ofSeconds(2), null);
        assertThat(e).hasMessage("Daytona answered HTTP 429 for /sandbox (TooManyRequests): slow down [request id req-1] after 3 attempts");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(new ServiceException("Anthropic", 0, null, "connection failed", "/v1/messages", null, 1, null, null))
                .hasMessage("Anthropic could not be reached for /v1/messages: connection failed");
    }

    @Test
    void logTailKeepsTheLastLines() {
        assertThat(LogTail.of("a\nb\nc\nd\n", 2)).isEqualTo("c\nd");
        assertThat(LogTail.of("only", 5)).isEqualTo("only");
        assertThat(LogTail.of("", 5)).isEmpty();
    }

    @Test
    void timeoutMessageSaysWhatWasWaitedForAndHowLong() {
        assertThat(new SandboxTimeoutException(Phase.READY, "URL http://127.0.0.1:1/ to return HTTP 200", Duration.ofSeconds(90)))
                .hasMessage("Timed out after 1 min 30 s waiting for URL http://127.0.0.1:1/ to return HTTP 200");
    }
}
