package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebPageTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePageIsServedWithoutATokenAndWithProtectiveHeaders() {
        HttpResponse<String> page = server.get("/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebPage.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<title>Sandbox Orchestrator</title>", "<script src=\"/app.js\" defer></script>")
                .doesNotContain("<script>", "style=");
    }

    @Test
    void itsScriptAndStylesheetAreServedWithTheirTypes() {
        assertThat(server.get("/app.js", null).headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(server.get("/app.js", null).body()).contains("/api/generate/sandbox", "Last-Event-ID");
        assertThat(server.get("/app.css", null).headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void otherPathsAre404AndOtherMethods405() {
        HttpResponse<String> missing = server.get("/secret.txt", null);
        HttpResponse<String> post = server.send(server.request("/", null).POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("message").asText()).isEqualTo("no such page: /secret.txt");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
