package dev.sandboxorchestrator.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.internal.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A headless Chromium driven through Debian's chromedriver with the W3C WebDriver protocol (plain
 * {@code java.net.http} and Jackson, no Selenium). {@link Builder#build()} starts chromedriver on a free
 * 127.0.0.1 port and opens one browser session with a fresh profile directory; {@link #close()} ends the
 * session, stops chromedriver and Chromium by PID and deletes the profile. Methods are synchronized, so one
 * instance may be shared by the threads of one test, but it drives a single tab: use one instance per test.
 * The caller closes it.
 *
 * <pre>{@code
 * try (Chrome chrome = Chrome.builder().build()) {
 *     chrome.setWindowSize(1280, 800);
 *     chrome.navigate(URI.create("http://127.0.0.1:3000/"));
 *     chrome.waitFor("document.readyState === 'complete'", Duration.ofSeconds(10));
 *     chrome.click("button#save");
 *     byte[] png = chrome.screenshot();
 *     List<String> errors = chrome.consoleErrors();
 * }
 * }</pre>
 */
public final class Chrome implements AutoCloseable {
    /** Flags this machine needs for a deterministic, offline, unsandboxed headless Chromium. */
    public static final List<String> DEFAULT_ARGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1");
    private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ChromeDriverProcess driver;
    private final WebDriverHttp http;
    private final String session;
    private final Path workDir;
    private final List<String> consoleErrors = new ArrayList<>();
    private final Poller poller = new Poller(Sleeper.SYSTEM, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)));
    private boolean closed;

    private Chrome(ChromeDriverProcess driver, WebDriverHttp http, String session, Path workDir) {
        this.driver = driver;
        this.http = http;
        this.session = session;
        this.workDir = workDir;
    }

    /** A builder with Debian's paths and the default flags. */
    public static Builder builder() {
        return new Builder();
    }

    /** Opens {@code uri} and waits until the page has loaded. Console errors collected so far are dropped. */
    public synchronized void navigate(URI uri) {
        Objects.requireNonNull(uri, "uri");
        readConsole();
        consoleErrors.clear();
        http.post(path("/url"), Map.of("url", uri.toString()));
    }

    /** The URL of the current page. */
    public synchronized URI currentUrl() {
        return URI.create(http.get(path("/url")).asText());
    }

    /**
     * Sizes the window so that the <em>viewport</em> ({@code innerWidth × innerHeight}) is exactly
     * {@code width × height} CSS pixels; fails if Chromium does not allow it.
     */
    public synchronized void setWindowSize(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("viewport must be at least 100x100, was " + width + "x" + height);
        }
        http.post(path("/window/rect"), Map.of("width", width, "height", height));
        int[] inner = viewport();
        if (inner[0] != width || inner[1] != height) {
            http.post(path("/window/rect"), Map.of("width", 2 * width - inner[0], "height", 2 * height - inner[1]));
            inner = viewport();
        }
        if (inner[0] != width || inner[1] != height) {
            throw new BrowserException("Could not size the viewport to " + width + "x" + height + ": it is "
                    + inner[0] + "x" + inner[1]);
        }
    }

    /** A PNG of the viewport. */
    public synchronized byte[] screenshot() {
        return Base64.getDecoder().decode(http.get(path("/screenshot")).asText());
    }

    /**
     * A PNG of the whole page at the viewport's width, as tall as the document (capped at
     * {@value FullPage#MAX_HEIGHT} pixels), taken with the DevTools protocol's {@code captureBeyondViewport}.
     */
    public synchronized byte[] fullPageScreenshot() {
        return FullPage.capture(this);
    }

    /**
     * Runs {@code js} as the body of a function (use {@code return}) with {@code args} as {@code arguments}, and
     * returns its result as Java values: null, Boolean, Number, String, List or Map. A script that throws fails
     * with a {@link BrowserException} carrying the JavaScript error.
     */
    public synchronized Object executeScript(String js, Object... args) {
        Objects.requireNonNull(js, "js");
        JsonNode value = http.post(path("/execute/sync"), Map.of("script", js, "args", Arrays.asList(args)));
        return WebDriverHttp.json().convertValue(value, Object.class);
    }

    /**
     * Waits until the JavaScript expression {@code jsCondition} is truthy, checking every 50–500 ms.
     *
     * @throws dev.sandboxorchestrator.core.SandboxTimeoutException when it is still false after {@code timeout}
     */
    public void waitFor(String jsCondition, Duration timeout) {
        Objects.requireNonNull(jsCondition, "jsCondition");
        poller.until(null, "page condition `" + jsCondition + "`", timeout,
                () -> Boolean.TRUE.equals(executeScript("return !!(" + jsCondition + ");"))
                        ? Optional.of(Boolean.TRUE) : Optional.empty(),
                null);
    }

    /** The WebDriver id of the first element matching {@code css}; fails clearly when none matches. */
    public synchronized String findElement(String css) {
        Objects.requireNonNull(css, "css");
        try {
            return http.post(path("/element"), Map.of("using", "css selector", "value", css)).path(ELEMENT_KEY).asText();
        } catch (BrowserException e) {
            if (e.error().filter("no such element"::equals).isPresent()) {
                throw new BrowserException("No element matches CSS selector '" + css + "' on " + currentUrl(),
                        "no such element", e);
            }
            throw e;
        }
    }

    /** Clicks the first element matching {@code css} (scrolled into view, as a user would). */
    public synchronized void click(String css) {
        http.post(path("/element/" + findElement(css) + "/click"), Map.of());
    }

    /** Types {@code text} into the first element matching {@code css}, after what it already holds. */
    public synchronized void type(String css, String text) {
        Objects.requireNonNull(text, "text");
        http.post(path("/element/" + findElement(css) + "/value"), Map.of("text", text));
    }

    /** The rendered (visible) text of the first element matching {@code css}. */
    public synchronized String text(String css) {
        return http.get(path("/element/" + findElement(css) + "/text")).asText();
    }

    /**
     * The browser's error-level log entries (console.error, uncaught exceptions, failed loads) since the last
     * {@link #navigate}, each as Chromium words it, e.g. {@code "http://… - Failed to load resource: net::ERR_…"}.
     */
    public synchronized List<String> consoleErrors() {
        readConsole();
        return List.copyOf(consoleErrors);
    }

    /**
     * Runs {@code js} in every document this browser opens from now on, before the page's own scripts (DevTools'
     * {@code Page.addScriptToEvaluateOnNewDocument}); for example to make {@code Math.random} repeatable.
     */
    public synchronized void addScriptOnNewDocument(String js) {
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", Objects.requireNonNull(js, "js")));
    }

    /** Sends a DevTools protocol command through chromedriver and returns its result. */
    synchronized JsonNode cdp(String command, Map<String, Object> params) {
        return http.post(path("/goog/cdp/execute"), Map.of("cmd", command, "params", params));
    }

    /** The PID of chromedriver, whose descendants are Chromium's processes. */
    long driverPid() {
        return driver.pid();
    }

    /** Ends the session, stops chromedriver and Chromium by PID and deletes the profile. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (driver.isAlive()) {
                http.delete("/session/" + session);
            }
        } catch (BrowserException e) {
            // The session is gone or chromedriver is wedged; stopping the processes below still cleans up.
        } finally {
            driver.stop(STOP_GRACE);
            Profiles.deleteRecursively(workDir);
        }
    }

    private void readConsole() {
        for (JsonNode entry : http.post(path("/se/log"), Map.of("type", "browser"))) {
            if ("SEVERE".equals(entry.path("level").asText())) {
                consoleErrors.add(entry.path("message").asText());
            }
        }
    }

    private int[] viewport() {
        JsonNode size = http.post(path("/execute/sync"),
                Map.of("script", "return [window.innerWidth, window.innerHeight];", "args", List.of()));
        return new int[] {size.path(0).asInt(), size.path(1).asInt()};
    }

    private String path(String command) {
        if (closed) {
            throw new BrowserException("This Chrome is closed");
        }
        return "/session/" + session + command;
    }

    /**
     * Configures and starts a {@link Chrome}. Nothing is required; defaults are Debian's paths
     * ({@value #DEFAULT_CHROMIUM}, {@value #DEFAULT_CHROMEDRIVER}), {@link #DEFAULT_ARGS}, a 30 s startup
     * timeout and a 60 s per-command timeout (page loads included).
     */
    public static final class Builder {
        public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
        public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
        public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
        public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);

        Path chromium = Path.of(DEFAULT_CHROMIUM);
        Path chromedriver = Path.of(DEFAULT_CHROMEDRIVER);
        List<String> args = DEFAULT_ARGS;
        Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        HttpClient httpClient;

        private Builder() {
        }

        public Builder chromium(Path path) {
            this.chromium = Objects.requireNonNull(path, "chromium");
            return this;
        }

        public Builder chromedriver(Path path) {
            this.chromedriver = Objects.requireNonNull(path, "chromedriver");
            return this;
        }

        /** Replaces the Chromium flags ({@code --user-data-dir} is always added). */
        public Builder args(List<String> flags) {
            this.args = List.copyOf(flags);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "startupTimeout");
            return this;
        }

        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = Objects.requireNonNull(timeout, "commandTimeout");
            return this;
        }

        /** The HTTP client used to talk to chromedriver; by default one is created for this browser. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** Starts chromedriver and Chromium; on failure everything started is stopped and the log is in the message. */
        public Chrome build() {
            return ChromeLauncher.launch(this, (driver, http, session, dir) -> new Chrome(driver, http, session, dir));
        }
    }
}
