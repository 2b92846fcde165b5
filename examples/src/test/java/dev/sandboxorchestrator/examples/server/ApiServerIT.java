package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API on the real parts: real npm install, next build and next start behind the guide's endpoints. */
class ApiServerIT {
    private static final Map<String, String> GUIDE_EXAMPLE = Map.of(
            "page.tsx", """
                    export default function Home() {
                      return (
                        <main className="flex min-h-screen flex-col items-center justify-center p-24">
                          <h1 className="text-4xl font-bold">Hello from the API server!</h1>
                        </main>
                      );
                    }
                    """,
            "layout.tsx", """
                    import "./globals.css";

                    export const metadata = { title: "API server example" };

                    export default function RootLayout({ children }: { children: React.ReactNode }) {
                      return (
                        <html lang="en">
                          <body>{children}</body>
                        </html>
                      );
                    }
                    """,
            "globals.css", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n");

    private final RealServer real = new RealServer("it-" + UUID.randomUUID().toString().substring(0, 8));
    /** HTTP/1.1: `next start` drops the h2c upgrade the JDK client tries by default. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stop() {
        real.close();
    }

    @Test
    void createRunsTheGuidesExampleAndItsPreviewServesThePage() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> created = send(request(Routes.CREATE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.createBody("guide-example", GUIDE_EXAMPLE))));
        System.out.printf("create took %.1f s%n", (System.nanoTime() - start) / 1e9);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode body = TestServer.json(created);
        String id = body.get("sandbox").get("sandboxId").asText();
        HttpResponse<String> preview = http.send(HttpRequest.newBuilder(URI.create(body.get("previewUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Hello from the API server!");
        assertThat(TestServer.json(send(request("/api/sandbox/" + id).GET())).get("status").asText()).isEqualTo("running");

        assertThat(send(request("/api/sandbox/" + id).DELETE()).statusCode()).isEqualTo(200);
        assertThat(TestServer.json(send(request(Routes.SANDBOXES).GET())).get("sandboxes")).isEmpty();
    }

    @Test
    void anAsyncGenerateStreamsTheRealBuildUntilThePreviewIsReady() throws Exception {
        HttpResponse<String> accepted = send(request(Routes.GENERATE + "?async=true").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"A landing page for a bicycle repair shop with prices\"}")));
        assertThat(accepted.statusCode()).isEqualTo(202);

        List<Sse> events = Sse.parse(send(request(TestServer.json(accepted).get("eventsUrl").asText()).GET()).body());

        assertThat(Sse.phases(events)).containsSubsequence("generate:completed", "convert:completed", "install:completed",
                "build:started", "build:completed", "ready:completed");
        assertThat(events).filteredOn(event -> event.type().equals("log") && event.data().get("phase").asText().equals("build"))
                .extracting(event -> event.data().get("line").asText()).anyMatch(line -> line.contains("Compiled successfully"));
        JsonNode done = events.get(events.size() - 1).data();
        assertThat(events.get(events.size() - 1).type()).as(done.toString()).isEqualTo("done");
        String previewUrl = done.get("previewUrl").asText();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(previewUrl)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .containsIgnoringCase("bicycle repair");
        assertThat(send(request("/api/sandbox/" + done.get("sandbox").get("sandboxId").asText()).DELETE()).statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(real.server.uri().resolve(path)).timeout(Duration.ofMinutes(4))
                .header("Authorization", "Bearer " + RealServer.TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
