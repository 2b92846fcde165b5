package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.daytona.LoopbackServer.Request;
import dev.sandboxorchestrator.daytona.LoopbackServer.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stateful, in-process stand-in for Daytona (main API under {@code /api}, toolbox under {@code /toolbox/{id}},
 * one preview server per sandbox) that behaves as the contract describes: sandboxes with states and labels,
 * cursor pagination, sessions whose commands run "asynchronously" with marked stdout/stderr logs and a WebSocket
 * follow, a bulk upload that insists on path-before-file parts, previews with tokens and signed URLs. Commands
 * do not really run: {@link #behaviour} decides what each prints and how it exits. Failures can be injected.
 */
final class FakeDaytona implements AutoCloseable {
    static final String API_KEY = "test-key-0123456789";
    static final String PROJECT = "/home/daytona/app";

    /** What a command does in the fake: its output lines and exit code; an app keeps running. */
    record Run(int exitCode, List<String> stdout, List<String> stderr, boolean app) {
        static Run ok(String... stdout) {
            return new Run(0, List.of(stdout), List.of(), false);
        }

        static Run fail(int exitCode, String... stderr) {
            return new Run(exitCode, List.of(), List.of(stderr), false);
        }
    }

    final ObjectMapper json = new ObjectMapper();
    final LoopbackServer server;
    final Map<String, FakeSandbox> sandboxes = new ConcurrentHashMap<>();
    final Map<String, String> snapshots = new ConcurrentHashMap<>();
    final Map<String, String> dockerfiles = new ConcurrentHashMap<>();
    final AtomicInteger activityRefreshes = new AtomicInteger();
    final AtomicInteger probes = new AtomicInteger();
    final java.util.Set<String> deleted = ConcurrentHashMap.newKeySet();
    final AtomicInteger ids = new AtomicInteger();
    final FakeToolbox toolbox = new FakeToolbox(this);

    volatile Function<String, Run> behaviour = FakeDaytona::defaultRun;
    volatile Response createFailure;
    volatile Response uploadFailure;
    volatile String createdState = "started";
    volatile int getsUntilStarted;
    volatile boolean appNeverReady;
    volatile boolean webSocketRefused;
    volatile boolean nameConflicts = true;

    FakeDaytona() throws IOException {
        this.server = new LoopbackServer(this::handle);
    }

    String apiUrl() {
        return server.url() + "/api";
    }

    DaytonaClient.Builder clientBuilder() {
        return DaytonaClient.builder().apiKey(API_KEY).apiUrl(apiUrl()).sleeper(duration -> { })
                .requestTimeout(java.time.Duration.ofSeconds(10));
    }

    /** Requests received, WebSocket upgrades and preview probes included. */
    int roundTrips() {
        return server.requests().size() + probes.get();
    }

    static Run defaultRun(String command) {
        if (command.contains(".sandbox-orchestrator/start.sh")) {
            return new Run(0, List.of("> next start", "ready on http://0.0.0.0:3000"), List.of(), true);
        }
        if (command.contains("npm install") || command.contains("npm ci")) {
            return new Run(0, List.of("added 312 packages in 9s"), List.of("npm warn deprecated glob@7.2.3"), false);
        }
        if (command.contains("npm run build")) {
            return Run.ok("> next build", "Compiled successfully");
        }
        return Run.ok();
    }

    private Response handle(Request request) throws Exception {
        if (!("Bearer " + API_KEY).equals(request.header("authorization"))) {
            return Response.json(401, "{\"statusCode\":401,\"message\":\"Invalid credentials\",\"error\":\"Unauthorized\"}");
        }
        if (request.path().startsWith("/api/")) {
            return api(request, request.path().substring(4).split("/"));
        }
        if (request.path().startsWith("/toolbox/")) {
            return toolbox.handle(request);
        }
        return Response.json(404, "{\"message\":\"no route\"}");
    }

    private Response api(Request request, String[] path) throws Exception {
        String method = request.method();
        if (path[1].equals("snapshots")) {
            return snapshots(request, path);
        }
        if (path.length == 2 && method.equals("POST")) {
            return create(request);
        }
        if (path.length == 2) {
            return list(request);
        }
        FakeSandbox sandbox = sandboxes.get(path[2]);
        if (sandbox == null) {
            return notFound(path[2]);
        }
        String action = path.length > 3 ? path[3] : "";
        switch (action) {
            case "" -> {
                if (method.equals("DELETE")) {
                    sandboxes.remove(sandbox.id);
                    deleted.add(sandbox.id);
                    sandbox.destroy();
                    return Response.json(200, sandbox.json(json).put("state", "destroying").toString());
                }
                if (sandbox.state.equals("creating") && --getsUntilStarted <= 0) {
                    sandbox.state = "started";
                }
            }
            case "start" -> sandbox.start();
            case "stop" -> {
                if (!sandbox.state.equals("started")) {
                    return Response.json(400, "{\"statusCode\":400,\"message\":\"Sandbox is not started\",\"error\":\"Bad Request\"}");
                }
                sandbox.stop();
            }
            case "autostop" -> sandbox.autoStopMinutes = Integer.parseInt(path[4]);
            case "last-activity" -> {
                activityRefreshes.incrementAndGet();
                return Response.status(201);
            }
            case "labels" -> {
                sandbox.labels.clear();
                json.readTree(request.body()).path("labels").properties().forEach(e -> sandbox.labels.put(e.getKey(), e.getValue().asText()));
                return Response.json(200, json.createObjectNode().set("labels", json.valueToTree(sandbox.labels)).toString());
            }
            case "ports" -> {
                return preview(request, sandbox, path);
            }
            default -> {
                return Response.json(404, "{\"message\":\"no route\"}");
            }
        }
        return Response.json(200, sandbox.json(json).toString());
    }

    private Response create(Request request) throws IOException {
        if (createFailure != null) {
            return createFailure;
        }
        JsonNode body = json.readTree(request.body());
        String snapshot = body.path("snapshot").asText(null);
        if (snapshot != null && snapshot.startsWith(DependencySnapshots.NAME_PREFIX) && !"active".equals(snapshots.get(snapshot))) {
            return Response.json(400, "{\"statusCode\":400,\"message\":\"Snapshot " + snapshot + " is not active\",\"error\":\"Bad Request\"}");
        }
        String name = body.path("name").asText("");
        if (nameConflicts && sandboxes.values().stream().anyMatch(existing -> existing.name.equals(name))) {
            return Response.json(409, "{\"statusCode\":409,\"message\":\"Sandbox with name " + name + " already exists\",\"error\":\"Conflict\"}");
        }
        FakeSandbox sandbox = new FakeSandbox(this, "sbx" + ids.incrementAndGet(), body, server.url() + "/toolbox");
        sandbox.state = createdState;
        if (createdState.equals("error")) {
            sandbox.errorReason = "no runner available in region us";
        }
        if (snapshot != null && snapshot.startsWith(DependencySnapshots.NAME_PREFIX)) {
            sandbox.files.put(PROJECT + "/" + DependencySnapshots.MARKER,
                    snapshot.substring(DependencySnapshots.NAME_PREFIX.length()).getBytes(StandardCharsets.UTF_8));
        }
        sandboxes.put(sandbox.id, sandbox);
        return Response.json(200, sandbox.json(json).toString());
    }

    private Response list(Request request) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        if (request.query("labels") != null) {
            json.readTree(request.query("labels")).properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        List<String> states = request.query().getOrDefault("states", List.of());
        List<FakeSandbox> matching = sandboxes.values().stream()
                .filter(s -> labels.entrySet().stream().allMatch(e -> e.getValue().equals(s.labels.get(e.getKey()))))
                .filter(s -> states.isEmpty() || states.contains(s.state))
                .sorted(java.util.Comparator.comparing(s -> Integer.parseInt(s.id.substring(3)))).toList();
        int from = request.query("cursor") == null ? 0 : Integer.parseInt(request.query("cursor"));
        int limit = request.query("limit") == null ? 100 : Integer.parseInt(request.query("limit"));
        ObjectNode page = json.createObjectNode();
        ArrayNode items = page.putArray("items");
        matching.stream().skip(from).limit(limit).forEach(s -> items.add(s.json(json).without("env")));
        if (from + limit < matching.size()) {
            page.put("nextCursor", String.valueOf(from + limit));
        } else {
            page.putNull("nextCursor");
        }
        return Response.json(200, page.toString());
    }

    private Response preview(Request request, FakeSandbox sandbox, String[] path) {
        ObjectNode answer = json.createObjectNode().put("sandboxId", sandbox.id);
        if (path.length > 5 && path[5].equals("preview-url")) {
            return Response.json(200, answer.put("url", sandbox.preview.url("127.0.0.1")).put("token", sandbox.token).toString());
        }
        if (path.length > 7 && path[7].equals("expire")) {
            sandbox.expiredTokens.add(path[6]);
            return Response.status(200);
        }
        sandbox.signedTtls.add(Integer.parseInt(request.query("expiresInSeconds")));
        String token = "signed" + sandbox.signedTtls.size() + sandbox.id;
        return Response.json(200, answer.put("port", Integer.parseInt(path[4])).put("token", token)
                .put("url", sandbox.preview.url("localhost")).toString());
    }

    private Response snapshots(Request request, String[] path) throws IOException {
        if (request.method().equals("POST")) {
            JsonNode body = json.readTree(request.body());
            String name = body.path("name").asText();
            dockerfiles.put(name, body.path("buildInfo").path("dockerfileContent").asText());
            snapshots.put(name, "pending");
            return Response.json(200, snapshot(name).toString());
        }
        if (path.length == 2) {
            ObjectNode page = json.createObjectNode().put("total", snapshots.size()).put("page", 1).put("totalPages", 1);
            ArrayNode items = page.putArray("items");
            String name = request.query("name");
            snapshots.keySet().stream().filter(n -> name == null || n.contains(name)).sorted().forEach(n -> items.add(snapshot(n)));
            return Response.json(200, page.toString());
        }
        return snapshots.containsKey(path[2]) ? Response.json(200, snapshot(path[2]).toString())
                : Response.json(404, "{\"statusCode\":404,\"message\":\"Snapshot " + path[2] + " not found\",\"error\":\"Not Found\"}");
    }

    private ObjectNode snapshot(String name) {
        return json.createObjectNode().put("id", "snap-" + name).put("name", name).put("state", snapshots.get(name));
    }

    static Response notFound(String id) {
        return Response.json(404, "{\"statusCode\":404,\"message\":\"Sandbox with ID or name " + id + " not found\",\"error\":\"Not Found\"}");
    }

    List<String> commandsRun() {
        List<String> commands = new ArrayList<>();
        sandboxes.values().forEach(sandbox -> sandbox.sessions.values().forEach(session -> session.commands.values()
                .forEach(command -> commands.add(command.command))));
        commands.addAll(toolbox.executed);
        return commands;
    }

    @Override
    public void close() throws IOException {
        sandboxes.values().forEach(FakeSandbox::destroy);
        server.close();
    }
}
