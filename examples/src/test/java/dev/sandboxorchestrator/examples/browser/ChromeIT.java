package dev.sandboxorchestrator.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChromeIT {
    private static final String PAGE = """
            <!doctype html><html><head><title>t</title>
            <style>body{margin:0;background:#fff} .tall{height:2000px;background:linear-gradient(#f00,#00f)}</style>
            </head><body>
            <h1 id="title">Hello browser</h1>
            <input id="name" type="text">
            <button id="go" onclick="document.getElementById('out').textContent = 'Hi ' + document.getElementById('name').value">Go</button>
            <p id="out">nobody yet</p>
            <img src="/missing.png" alt="">
            <div class="tall"></div>
            <script>console.error('boom from page'); setTimeout(() => document.body.dataset.late = 'yes', 300);</script>
            </body></html>
            """;

    private static HttpServer server;
    private static Chrome chrome;
    private static URI page;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            int status = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        chrome = Chrome.builder().build();
        chrome.setWindowSize(1280, 800);
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.close();
        }
        server.stop(0);
    }

    @BeforeEach
    void openPage() {
        chrome.navigate(page);
    }

    @Test
    void viewportIsExactlyTheRequestedSize() throws IOException {
        assertThat(chrome.executeScript("return [innerWidth, innerHeight];")).isEqualTo(List.of(1280, 800));
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(chrome.screenshot()));
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(shot.getHeight()).isEqualTo(800);
    }

    @Test
    void fullPageScreenshotCoversTheWholeDocumentAtViewportWidth() throws IOException {
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(chrome.fullPageScreenshot()));
        long documentHeight = ((Number) chrome.executeScript("return document.documentElement.scrollHeight;")).longValue();
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(shot.getHeight()).isEqualTo((int) documentHeight).isGreaterThan(2000);
        int bottom = shot.getRGB(640, shot.getHeight() - 5);
        assertThat(bottom & 0xff).as("blue channel at the bottom of the gradient").isGreaterThan(200);
    }

    @Test
    void typingAndClickingChangeThePage() {
        chrome.type("#name", "Ada");
        chrome.click("#go");
        assertThat(chrome.text("#out")).isEqualTo("Hi Ada");
        assertThat(chrome.text("#title")).isEqualTo("Hello browser");
    }

    @Test
    void executeScriptPassesArgumentsAndReturnsJavaValues() {
        Object result = chrome.executeScript("return {sum: arguments[0] + arguments[1], tag: arguments[2]};", 2, 3, "x");
        assertThat(result).isEqualTo(Map.of("sum", 5, "tag", "x"));
    }

    @Test
    void executeScriptFailsWithTheJavaScriptError() {
        assertThatThrownBy(() -> chrome.executeScript("throw new Error('kaputt');"))
                .isInstanceOf(BrowserException.class)
                .hasMessageContaining("javascript error")
                .hasMessageContaining("kaputt");
    }

    @Test
    void waitForReturnsOnceTheConditionHolds() {
        chrome.waitFor("document.body.dataset.late === 'yes'", Duration.ofSeconds(5));
        assertThat(chrome.executeScript("return document.body.dataset.late;")).isEqualTo("yes");
    }

    @Test
    void waitForTimesOutSayingWhatItWaitedFor() {
        assertThatThrownBy(() -> chrome.waitFor("window.never === true", Duration.ofMillis(300)))
                .isInstanceOf(SandboxTimeoutException.class)
                .hasMessageContaining("page condition `window.never === true`");
    }

    @Test
    void findElementFailsClearlyWhenNothingMatches() {
        assertThatThrownBy(() -> chrome.click("#missing"))
                .isInstanceOf(BrowserException.class)
                .hasMessageStartingWith("No element matches CSS selector '#missing' on " + page);
    }

    @Test
    void consoleErrorsHoldThePageErrorsSinceTheLastNavigation() {
        chrome.executeScript("console.error('second');");
        List<String> errors = chrome.consoleErrors();
        // The image's 404 and the page's script error race each other; only their presence is certain.
        assertThat(errors).hasSize(3);
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("/missing.png").contains("404"));
        assertThat(errors).anySatisfy(error -> assertThat(error).contains("boom from page"));
        assertThat(errors.get(2)).contains("second");
        chrome.navigate(URI.create("data:text/html,%3Cp%3Equiet%3C/p%3E"));
        assertThat(chrome.consoleErrors()).isEmpty();
    }

    @Test
    void closeStopsChromedriverAndChromiumAndIsIdempotent() {
        Chrome other = Chrome.builder().build();
        ProcessHandle driver = ProcessHandle.of(other.driverPid()).orElseThrow();
        List<ProcessHandle> processes = Stream.concat(Stream.of(driver), driver.descendants()).toList();
        assertThat(processes).hasSizeGreaterThan(2);
        other.close();
        other.close();
        assertThat(processes).allSatisfy(p -> assertThat(running(p)).as("pid %d running", p.pid()).isFalse());
        assertThatThrownBy(() -> other.navigate(page)).isInstanceOf(BrowserException.class).hasMessage("This Chrome is closed");
    }

    /** Alive and not a zombie: orphaned helpers that exited wait for init to reap them, which can take a while. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    @Test
    void buildFailsClearlyWhenChromiumIsMissing() {
        assertThatThrownBy(() -> Chrome.builder().chromium(Path.of("/nonexistent/chromium")).build())
                .isInstanceOf(BrowserException.class)
                .hasMessageStartingWith("Chromium not found or not executable at /nonexistent/chromium");
    }
}
