package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** One sandbox of {@link FakeDaytona}: its record, files, sessions, and the preview server in front of its app. */
final class FakeSandbox {
    final FakeDaytona daytona;
    final String id;
    final String name;
    final Map<String, String> labels = new ConcurrentHashMap<>();
    final Map<String, String> env = new ConcurrentHashMap<>();
    final boolean isPublic;
    final String snapshot;
    final String toolboxProxyUrl;
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final List<Integer> signedTtls = new CopyOnWriteArrayList<>();
    final List<String> expiredTokens = new CopyOnWriteArrayList<>();
    final Preview preview;
    volatile String state;
    volatile String errorReason;
    volatile String token;
    volatile int autoStopMinutes;
    volatile int restarts;

    FakeSandbox(FakeDaytona daytona, String id, JsonNode body, String toolboxProxyUrl) {
        this.daytona = daytona;
        this.id = id;
        this.name = body.path("name").asText(id);
        body.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        body.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        this.isPublic = body.path("public").asBoolean(false);
        this.snapshot = body.path("snapshot").asText(null);
        this.autoStopMinutes = body.path("autoStopInterval").asInt(15);
        this.toolboxProxyUrl = toolboxProxyUrl;
        this.token = "preview-token-" + id;
        this.preview = new Preview();
    }

    ObjectNode json(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("id", id).put("organizationId", "org-1").put("name", name).put("user", "daytona")
                .put("public", isPublic).put("networkBlockAll", false).put("target", "us").put("cpu", 1).put("gpu", 0)
                .put("memory", 1).put("disk", 3).put("state", state).put("autoStopInterval", (double) autoStopMinutes)
                .put("createdAt", "2026-07-01T10:00:00.000Z").put("toolboxProxyUrl", toolboxProxyUrl);
        if (snapshot != null) {
            node.put("snapshot", snapshot);
        }
        if (errorReason != null) {
            node.put("errorReason", errorReason);
        }
        node.set("labels", json.valueToTree(labels));
        node.set("env", json.valueToTree(env));
        return node;
    }

    void start() {
        state = "started";
        token = "preview-token-" + id + "-" + (++restarts);
    }

    void stop() {
        sessions.values().forEach(Session::kill);
        sessions.clear();
        preview.running = false;
        state = "stopped";
    }

    void destroy() {
        stop();
        state = "destroyed";
        preview.server.stop(0);
    }

    /** A session: its commands in order. */
    final class Session {
        final Map<String, Command> commands = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());

        void kill() {
            commands.values().forEach(command -> command.finish(137));
        }
    }

    /** A command: output with the daemon's stream markers, an exit code once it ended. */
    final class Command {
        final String id;
        final String command;
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final StringBuilder stdout = new StringBuilder();
        final StringBuilder stderr = new StringBuilder();
        final CountDownLatch finished = new CountDownLatch(1);
        volatile Integer exitCode;
        volatile boolean app;

        Command(String id, String command) {
            this.id = id;
            this.command = command;
        }

        synchronized void print(boolean error, String line) {
            output.writeBytes(error ? new byte[] {2, 2, 2} : new byte[] {1, 1, 1});
            output.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            (error ? stderr : stdout).append(line).append('\n');
        }

        synchronized byte[] bytes() {
            return output.toByteArray();
        }

        void finish(int code) {
            if (exitCode == null) {
                exitCode = code;
                if (app) {
                    preview.running = false;
                }
            }
            finished.countDown();
        }
    }

    /** What the preview URL reaches: 502 until an app runs, then 200 for a valid token or a signed host. */
    final class Preview {
        final HttpServer server;
        volatile boolean running;

        Preview() {
            try {
                server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                daytona.probes.incrementAndGet();
                String host = exchange.getRequestHeaders().getFirst("Host");
                boolean signed = host != null && host.startsWith("localhost");
                boolean tokenOk = token.equals(exchange.getRequestHeaders().getFirst(Previews.TOKEN_HEADER));
                int status = !running ? 502 : daytona.appNeverReady ? 503 : isPublic || signed || tokenOk ? 200 : 401;
                byte[] body = (status == 200 ? "<h1>" + name + "</h1>" : "status " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url(String host) {
            return "http://" + host + ":" + server.getAddress().getPort();
        }
    }
}
