package dev.sandboxorchestrator.nextjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test support: runs {@code next start} for a built project on 127.0.0.1 and a free port, and dumps the DOM
 * a real headless Chromium sees after the page's scripts ran. {@link #close()} stops the server and its children.
 */
final class NextServer implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("chromium.path", "/usr/bin/chromium");

    private final Process process;
    private final int port;

    private NextServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static NextServer start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("./node_modules/.bin/next", "start", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("next-start.log").toFile());
        builder.environment().put("NEXT_TELEMETRY_DISABLED", "1");
        NextServer server = new NextServer(builder.start(), port);
        server.awaitReady();
        return server;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady() throws InterruptedException {
        // HTTP/1.1: the JDK's default h2c upgrade request makes Node's server wait for an upgrade that never comes.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("next start exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url("/")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("next start did not answer HTTP 200 on " + url("/") + " within 60 s");
    }

    /** The DOM after load, hydration and the given virtual time (timers run), as Chromium serializes it. */
    String dumpDom(String path, Duration virtualTime) {
        NextBuilds.Run run = NextBuilds.run(Path.of("."), Duration.ofSeconds(90), CHROMIUM, "--headless=new", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--virtual-time-budget=" + virtualTime.toMillis(),
                "--dump-dom", url(path).toString());
        if (!run.ok()) {
            throw new IllegalStateException("chromium failed: " + run.tail(20));
        }
        return run.output();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping next start", e));
        }
    }
}
