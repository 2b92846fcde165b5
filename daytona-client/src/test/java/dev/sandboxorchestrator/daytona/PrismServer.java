package dev.sandboxorchestrator.daytona;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Prism mock server ({@code @stoplight/prism-cli}, installed with npm into a cache directory once) on a free
 * port of 127.0.0.1, started with {@code --errors} so that any request that breaks the spec gets an error answer.
 * Its log is kept so that tests can check it for validation findings. {@link #close()} stops exactly the process it
 * started, by its PID.
 */
final class PrismServer implements AutoCloseable {
    static final String VERSION = "5.16.0";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;
    private long mark;

    private PrismServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The Prism executable, installed under {@code home} first when it is not there. */
    static Path install(Path home) throws IOException, InterruptedException {
        Path bin = home.resolve("node_modules/.bin/prism");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(home);
        if (!Files.exists(home.resolve("package.json"))) {
            Files.writeString(home.resolve("package.json"), "{\"name\":\"prism-cache\",\"version\":\"1.0.0\",\"private\":true}\n");
        }
        run(home, List.of("npm", "install", "--no-fund", "--no-audit", "@stoplight/prism-cli@" + VERSION), Duration.ofMinutes(5));
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("npm install did not produce " + bin);
        }
        return bin;
    }

    /** Starts Prism on {@code spec} and returns once it answers {@code readyPath} (sent with a bearer token). */
    static PrismServer start(Path prism, Path spec, Path logFile, int port, String readyPath) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(prism.toString(), "mock", "--errors", "-v", "warn", "-h", "127.0.0.1", "-p", String.valueOf(port),
                spec.toString()).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        PrismServer server = new PrismServer(process, logFile, port);
        try {
            server.awaitReady(readyPath);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Forgets the log so far (the readiness probes). */
    void markLog() throws IOException {
        mark = Files.size(log);
    }

    /** Log lines since the mark that report a validation finding or a request Prism refused. */
    List<String> findings() throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark), StandardCharsets.UTF_8);
        return text.lines().filter(line -> line.contains("[VALIDATOR]") || line.contains("Request terminated")).toList();
    }

    private void awaitReady(String readyPath) throws IOException, InterruptedException {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = probe.send(HttpRequest.newBuilder(URI.create(url() + readyPath))
                        .header("Authorization", "Bearer readiness").timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Prism did not answer " + readyPath + " within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Path directory, List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("prism-install", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ":\n" + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
