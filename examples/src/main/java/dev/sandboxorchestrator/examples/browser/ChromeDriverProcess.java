package dev.sandboxorchestrator.examples.browser;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A chromedriver process on a free loopback port, with its log in a file. Stopped by PID. Not thread-safe. */
final class ChromeDriverProcess {
    private static final int LOG_TAIL_LINES = 30;

    private final Process process;
    private final int port;
    private final Path log;

    private ChromeDriverProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ChromeDriverProcess start(Path chromedriver, Path logDir) {
        if (!Files.isExecutable(chromedriver)) {
            throw new BrowserException("chromedriver not found or not executable at " + chromedriver
                    + " (on Debian: apt-get install chromium-driver)");
        }
        int port = freePort();
        Path log = logDir.resolve("chromedriver.log");
        try {
            Process process = new ProcessBuilder(List.of(chromedriver.toString(), "--port=" + port,
                    "--allowed-ips=127.0.0.1", "--log-path=" + log))
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("chromedriver.out").toFile())
                    .start();
            return new ChromeDriverProcess(process, port, log);
        } catch (IOException e) {
            throw new BrowserException("Could not start chromedriver at " + chromedriver + ": " + e.getMessage(), e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of chromedriver's log, for error messages. */
    String logTail() {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(chromedriver log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops chromedriver and every process it started (Chromium and its helpers), by PID. */
    void stop(Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        awaitExit(process.toHandle(), grace);
        for (ProcessHandle child : children) {
            child.destroy();
        }
        for (ProcessHandle child : children) {
            awaitExit(child, grace);
        }
    }

    private static void awaitExit(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            throw new BrowserException("Interrupted while stopping process " + handle.pid(), e);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new BrowserException("No free loopback port for chromedriver: " + e.getMessage(), e);
        }
    }
}
