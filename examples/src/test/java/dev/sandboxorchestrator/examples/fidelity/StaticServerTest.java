package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticServerTest {
    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(StaticServer server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesIndexHtmlForTheRootAndFilesWithTheirType() throws Exception {
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("css/my style.css"), "h1{}");
        try (StaticServer server = StaticServer.serve(root)) {
            assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> page = get(server, "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<h1>hi</h1>");
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            HttpResponse<String> css = get(server, "/css/my%20style.css");
            assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        }
    }

    @Test
    void answers404ForMissingFilesAndPathsOutsideTheRoot() throws Exception {
        Files.writeString(root.getParent().resolve("secret.txt"), "no");
        try (StaticServer server = StaticServer.serve(root)) {
            assertThat(get(server, "/missing.png").statusCode()).isEqualTo(404);
            assertThat(get(server, "/..%2Fsecret.txt").statusCode()).isEqualTo(404);
        } finally {
            Files.delete(root.getParent().resolve("secret.txt"));
        }
    }
}
