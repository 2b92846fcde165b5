package dev.sandboxorchestrator.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.internal.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts chromedriver, waits for it, and opens the WebDriver session; cleans up when any step fails. */
final class ChromeLauncher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    /** Builds the {@link Chrome} from the started parts. */
    @FunctionalInterface
    interface Factory {
        Chrome create(ChromeDriverProcess driver, WebDriverHttp http, String session, Path workDir);
    }

    private ChromeLauncher() {
    }

    static Chrome launch(Chrome.Builder config, Factory factory) {
        if (!Files.isExecutable(config.chromium)) {
            throw new BrowserException("Chromium not found or not executable at " + config.chromium
                    + " (on Debian: apt-get install chromium)");
        }
        Path workDir = createWorkDir();
        ChromeDriverProcess driver = null;
        try {
            driver = ChromeDriverProcess.start(config.chromedriver, workDir);
            ChromeDriverProcess started = driver;
            HttpClient client = config.httpClient != null ? config.httpClient
                    : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
            WebDriverHttp status = new WebDriverHttp(client, driver.baseUri(), STATUS_TIMEOUT, started::logTail);
            awaitReady(started, status, config.startupTimeout);
            WebDriverHttp http = new WebDriverHttp(client, driver.baseUri(), config.commandTimeout, started::logTail);
            JsonNode created = http.post("/session", capabilities(config, workDir.resolve("profile")));
            String session = created.path("sessionId").asText("");
            if (session.isEmpty()) {
                throw new BrowserException("chromedriver created no session: " + created);
            }
            return factory.create(driver, http, session, workDir);
        } catch (RuntimeException e) {
            if (driver != null) {
                driver.stop(STOP_GRACE);
            }
            Profiles.deleteRecursively(workDir);
            throw e instanceof BrowserException ? e : new BrowserException("Could not start Chromium: " + e.getMessage(), e);
        }
    }

    private static void awaitReady(ChromeDriverProcess driver, WebDriverHttp status, Duration timeout) {
        new Poller(Sleeper.SYSTEM, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))).until(null,
                "chromedriver on " + driver.baseUri() + " to be ready", timeout, () -> {
                    if (!driver.isAlive()) {
                        throw new BrowserException("chromedriver exited during startup\n" + driver.logTail());
                    }
                    try {
                        return status.get("/status").path("ready").asBoolean() ? Optional.of(true) : Optional.empty();
                    } catch (BrowserException notYet) {
                        return Optional.empty();
                    }
                }, driver::logTail);
    }

    private static Map<String, Object> capabilities(Chrome.Builder config, Path profile) {
        List<String> args = new ArrayList<>(config.args);
        args.add("--user-data-dir=" + profile);
        Map<String, Object> chrome = Map.of("binary", config.chromium.toString(), "args", args);
        long pageLoadMillis = config.commandTimeout.toMillis();
        return Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", chrome,
                "goog:loggingPrefs", Map.of("browser", "ALL"),
                "unhandledPromptBehavior", "accept",
                "timeouts", Map.of("pageLoad", pageLoadMillis, "script", pageLoadMillis, "implicit", 0))));
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("chrome-");
        } catch (IOException e) {
            throw new BrowserException("Could not create a temporary profile directory: " + e.getMessage(), e);
        }
    }
}
