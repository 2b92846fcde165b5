package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.examples.browser.Chrome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web page in a real headless Chromium, on the real parts: sign in with a token, generate from a prompt
 * with the offline generator, watch the phases stream in, see the preview load in the iframe, delete it
 * from the list.
 */
class WebPageIT {
    private static final Duration PIPELINE = Duration.ofMinutes(4);

    @Test
    void generateThroughThePageSeeThePreviewAndDeleteItFromTheList() throws Exception {
        String owner = "web-" + UUID.randomUUID().toString().substring(0, 8);
        try (RealServer real = new RealServer(owner); Chrome chrome = Chrome.builder().commandTimeout(Duration.ofMinutes(2)).build()) {
            chrome.setWindowSize(1280, 900);
            chrome.navigate(real.server.uri());
            chrome.waitFor("!document.getElementById('token-section').hidden", Duration.ofSeconds(10));

            chrome.type("#token", RealServer.TOKEN);
            chrome.click("#token-form button[type=submit]");
            chrome.waitFor("!document.getElementById('create-section').hidden", Duration.ofSeconds(10));
            chrome.waitFor("document.getElementById('list-status').textContent === 'No sandboxes yet.'", Duration.ofSeconds(10));
            chrome.type("#prompt", "A landing page for a tea shop with a menu");
            chrome.click("#generate-button");

            chrome.waitFor("document.querySelector('#phases li[data-phase=build]') !== null", Duration.ofMinutes(2));
            chrome.waitFor("document.getElementById('preview').dataset.loaded === 'true'", PIPELINE);

            assertThat(chrome.text("#status")).startsWith("Ready: ");
            assertThat(chrome.text("#phases")).contains("generate ✓", "build ✓", "ready ✓");
            String log = (String) chrome.executeScript("return document.getElementById('log').textContent;");
            assertThat(log).contains("Compiled successfully");
            String previewUrl = (String) chrome.executeScript("return document.getElementById('preview').src;");
            assertThat(previewUrl).startsWith("http://127.0.0.1:");
            assertThat((String) chrome.executeScript("return document.getElementById('preview-link').href;")).isEqualTo(previewUrl);
            HttpResponse<String> preview = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(previewUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).containsIgnoringCase("tea shop");
            chrome.waitFor("document.querySelectorAll('#sandboxes tbody tr').length === 1", Duration.ofSeconds(10));
            assertThat(chrome.text("#sandboxes tbody tr")).contains("running");

            chrome.click("#sandboxes tbody tr button.delete");
            chrome.waitFor("document.querySelectorAll('#sandboxes tbody tr').length === 0", Duration.ofSeconds(30));

            assertThat(chrome.text("#list-status")).isEqualTo("No sandboxes yet.");
            assertThat(real.orchestrator.list(Map.of(SandboxOrchestrator.LABEL_OWNER, owner))).isEmpty();
            assertThat(chrome.consoleErrors()).isEmpty();
        }
    }
}
