package dev.sandboxorchestrator.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.generator.template.TemplateCodeGenerator;
import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline for real: the local provider (bubblewrap where installed), real npm install, real
 * next build and next start, and HTTP from outside. The sandboxes share one dependency cache under target/.
 */
class LocalPipelineIT {
    static final Path ROOT = Path.of("target", "it-sandboxes").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();

    private static LocalSandboxProvider provider;
    private static SandboxOrchestrator orchestrator;

    @BeforeAll
    static void open() {
        provider = LocalSandboxProvider.builder().root(ROOT).build();
        orchestrator = SandboxOrchestrator.builder().provider(provider).converter(new NextJsProjectConverter())
                .generator(new TemplateCodeGenerator()).readyTimeout(Duration.ofMinutes(2)).build();
    }

    @AfterAll
    static void close() {
        orchestrator.close();
        provider.close();
    }

    static final Map<String, String> GUIDE_EXAMPLE = Map.of(
            "page.tsx", """
                    export default function Home() {
                      return (
                        <main className="flex min-h-screen flex-col items-center justify-center p-24">
                          <h1 className="text-4xl font-bold">Hello from Sandbox Orchestrator!</h1>
                          <p className="mt-4 text-lg">This app was deployed automatically.</p>
                        </main>
                      );
                    }
                    """,
            "layout.tsx", """
                    import "./globals.css";

                    export const metadata = { title: "Sandbox App", description: "Deployed by Sandbox Orchestrator" };

                    export default function RootLayout({ children }: { children: React.ReactNode }) {
                      return (
                        <html lang="en">
                          <body>{children}</body>
                        </html>
                      );
                    }
                    """,
            "globals.css", """
                    @tailwind base;
                    @tailwind components;
                    @tailwind utilities;
                    """);

    @Test
    void deploysTheGuidesThreeFileExampleToAPreviewThatAnswers() throws Exception {
        Preview preview = orchestrator.deploy(GUIDE_EXAMPLE, SandboxSpec.named("guide-example"));
        try {
            assertThat(preview.status()).isEqualTo(SandboxStatus.RUNNING);
            assertThat(preview.url().getHost()).isEqualTo("127.0.0.1");
            assertThat(get(preview.url())).hasValueSatisfying(body -> assertThat(body).contains("Hello from Sandbox Orchestrator!"));
            assertThat(preview.timings()).containsKeys(Phase.INSTALL, Phase.BUILD, Phase.START, Phase.READY);
        } finally {
            orchestrator.delete(preview.sandboxId());
        }
    }

    @Test
    void deploysAPlainHtmlPageThenStopsStartsAndDeletesWithoutLeftovers() throws Exception {
        Preview preview = orchestrator.deploy(Map.of(
                "index.html", """
                        <!DOCTYPE html>
                        <html lang="en"><head><title>Plain page</title><link rel="stylesheet" href="style.css"></head>
                        <body><h1 class="title">A plain HTML page</h1><p>It was converted to Next.js &amp; served.</p></body></html>
                        """,
                "style.css", ".title { color: rgb(200, 30, 30); }"), SandboxSpec.named("plain-html"));
        String id = preview.sandboxId();
        Path dir = ROOT.resolve("sandboxes").resolve(id);
        assertThat(get(preview.url())).hasValueSatisfying(body -> assertThat(body).contains("A plain HTML page")
                .contains("It was converted to Next.js &amp; served."));
        assertThat(processesOf(dir)).isPositive();

        orchestrator.stop(id);
        assertThat(orchestrator.status(id).status()).isEqualTo(SandboxStatus.STOPPED);
        assertThat(get(preview.url())).isEmpty();
        assertThat(processesOf(dir)).isZero();

        Preview again = orchestrator.start(id);
        assertThat(again.url()).isEqualTo(preview.url());
        assertThat(get(again.url())).hasValueSatisfying(body -> assertThat(body).contains("A plain HTML page"));

        orchestrator.delete(id);
        assertThat(dir).doesNotExist();
        assertThat(processesOf(dir)).isZero();
        assertThat(get(preview.url())).isEmpty();
    }

    @Test
    void generatesTheCoffeeSubscriptionLandingPageOffline() throws Exception {
        Preview preview = orchestrator.generate(GenerationRequest.of("Create a modern landing page for a coffee subscription"),
                null, null);
        try {
            assertThat(preview.name()).startsWith("coffee-subscription-");
            assertThat(get(preview.url())).hasValueSatisfying(body -> assertThat(body)
                    .contains("Coffee Subscription, done beautifully").contains("not by an AI"));
        } finally {
            orchestrator.delete(preview.sandboxId());
        }
    }

    /** The body of a 200 answer, or empty when nothing answers. */
    static Optional<String> get(URI url) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** How many processes run with the sandbox directory on their command line (bwrap binds it; plain runs cd to it). */
    static long processesOf(Path sandboxDir) {
        String marker = sandboxDir.toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false)
                        || cwdOf(process).map(cwd -> cwd.startsWith(marker)).orElse(false))
                .count();
    }

    private static Optional<String> cwdOf(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", String.valueOf(process.pid()), "cwd")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
