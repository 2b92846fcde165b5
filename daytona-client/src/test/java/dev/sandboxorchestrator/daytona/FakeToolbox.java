package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.daytona.LoopbackServer.Request;
import dev.sandboxorchestrator.daytona.LoopbackServer.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The toolbox (daemon) side of {@link FakeDaytona}: files, execute, sessions, logs and their WebSocket. */
final class FakeToolbox {
    private static final Pattern DISPOSITION = Pattern.compile("name=\"([^\"]*)\"(?:; filename=\"([^\"]*)\")?");

    private final FakeDaytona daytona;
    private final AtomicInteger commandIds = new AtomicInteger();
    /** Part names of each bulk upload, in the order received. */
    final List<List<String>> uploadLayouts = new CopyOnWriteArrayList<>();
    final List<String> executed = new CopyOnWriteArrayList<>();

    FakeToolbox(FakeDaytona daytona) {
        this.daytona = daytona;
    }

    Response handle(Request request) throws Exception {
        String[] path = request.path().split("/", 4);
        FakeSandbox sandbox = daytona.sandboxes.get(path[2]);
        if (sandbox == null) {
            return FakeDaytona.notFound(path[2]);
        }
        if (!sandbox.state.equals("started")) {
            return Response.json(400, "{\"statusCode\":400,\"message\":\"sandbox is not running\",\"code\":\"BAD_REQUEST\"}");
        }
        String route = "/" + path[3];
        String method = request.method();
        if (route.equals("/files/bulk-upload")) {
            return daytona.uploadFailure != null ? daytona.uploadFailure : bulkUpload(request, sandbox);
        }
        if (route.equals("/files/upload")) {
            multipart(request).forEach(part -> sandbox.files.put(request.query("path"), part.content()));
            return Response.status(200);
        }
        if (route.equals("/files/download")) {
            byte[] content = sandbox.files.get(request.query("path"));
            return content == null ? Response.json(404, "{\"statusCode\":404,\"message\":\"file not found\",\"code\":\"NOT_FOUND\"}")
                    : Response.bytes(200, "application/octet-stream", content);
        }
        if (route.equals("/process/execute")) {
            return execute(request, sandbox);
        }
        if (route.equals("/process/session") && method.equals("POST")) {
            String id = daytona.json.readTree(request.body()).path("sessionId").asText();
            if (sandbox.sessions.putIfAbsent(id, sandbox.new Session()) != null) {
                return Response.json(409, "{\"statusCode\":409,\"message\":\"session already exists\",\"code\":\"CONFLICT\"}");
            }
            return Response.status(201);
        }
        String[] parts = route.split("/");
        FakeSandbox.Session session = parts.length > 3 ? sandbox.sessions.get(parts[3]) : null;
        if (session == null) {
            return Response.json(404, "{\"statusCode\":404,\"message\":\"session not found\",\"code\":\"NOT_FOUND\"}");
        }
        if (parts.length == 4) {
            if (method.equals("DELETE")) {
                sandbox.sessions.remove(parts[3]).kill();
                return Response.status(204);
            }
            ObjectNode node = daytona.json.createObjectNode().put("sessionId", parts[3]);
            ArrayNode commands = node.putArray("commands");
            new ArrayList<>(session.commands.values()).forEach(command -> commands.add(command(command)));
            return Response.json(200, node.toString());
        }
        if (parts[4].equals("exec")) {
            return exec(request, sandbox, session);
        }
        FakeSandbox.Command command = session.commands.get(parts[5]);
        if (command == null) {
            return Response.json(404, "{\"statusCode\":404,\"message\":\"command not found\",\"code\":\"NOT_FOUND\"}");
        }
        if (parts.length == 6) {
            return Response.json(200, command(command).toString());
        }
        if (request.isWebSocket()) {
            return daytona.webSocketRefused ? Response.json(404, "{\"message\":\"no websocket here\"}") : Response.upgrade(ws -> follow(command, ws));
        }
        return Response.json(200, daytona.json.createObjectNode().put("output", new String(command.bytes(), StandardCharsets.UTF_8))
                .put("stdout", command.stdout.toString()).put("stderr", command.stderr.toString()).toString());
    }

    private Response bulkUpload(Request request, FakeSandbox sandbox) {
        List<Part> parts = multipart(request);
        uploadLayouts.add(parts.stream().map(Part::name).toList());
        String pendingPath = null;
        int index = 0;
        for (Part part : parts) {
            if (part.name().equals("files[" + index + "].path")) {
                pendingPath = new String(part.content(), StandardCharsets.UTF_8);
            } else if (part.name().equals("files[" + index + "].file") && pendingPath != null) {
                if (!pendingPath.equals(part.filename())) {
                    return Response.json(400, "{\"message\":\"file[" + index + "]: filename differs from path\"}");
                }
                sandbox.files.put(pendingPath, part.content());
                pendingPath = null;
                index++;
            } else {
                return Response.json(400, "{\"errors\":[\"file[" + index + "]: missing .path metadata\"]}");
            }
        }
        return Response.json(200, "{\"files\":[]}");
    }

    private Response execute(Request request, FakeSandbox sandbox) throws Exception {
        JsonNode body = daytona.json.readTree(request.body());
        String command = body.path("command").asText();
        executed.add(command);
        Matcher cat = Pattern.compile("^cat '?([^']+)'?$").matcher(command);
        Matcher test = Pattern.compile("^test -f '?([^']+)'?$").matcher(command);
        if (cat.matches() || test.matches()) {
            byte[] content = sandbox.files.get(cat.matches() ? cat.group(1) : test.group(1));
            String output = content == null ? (cat.matches() ? "cat: no such file" : "") : cat.matches() ? new String(content, StandardCharsets.UTF_8) : "";
            return Response.json(200, daytona.json.createObjectNode().put("exitCode", content == null ? 1 : 0).put("result", output).toString());
        }
        FakeDaytona.Run run = daytona.behaviour.apply(command);
        String output = String.join("\n", run.stdout()) + (run.stderr().isEmpty() ? "" : "\n" + String.join("\n", run.stderr()));
        return Response.json(200, daytona.json.createObjectNode().put("exitCode", run.exitCode()).put("result", output).toString());
    }

    private Response exec(Request request, FakeSandbox sandbox, FakeSandbox.Session session) throws Exception {
        String line = daytona.json.readTree(request.body()).path("command").asText();
        FakeSandbox.Command command = sandbox.new Command("cmd-" + commandIds.incrementAndGet(), line);
        session.commands.put(command.id, command);
        FakeDaytona.Run run = daytona.behaviour.apply(line);
        Matcher script = Pattern.compile("> '?([^' ]+/\\.sandbox-orchestrator/start\\.sh)'?").matcher(line);
        if (script.find()) {
            sandbox.files.put(script.group(1), line.getBytes(StandardCharsets.UTF_8));
        }
        run.stdout().forEach(text -> command.print(false, text));
        run.stderr().forEach(text -> command.print(true, text));
        if (run.app() && run.exitCode() == 0) {
            command.app = true;
            sandbox.preview.running = true;
        } else {
            command.finish(run.exitCode());
        }
        return Response.json(202, daytona.json.createObjectNode().put("cmdId", command.id).toString());
    }

    /** Sends the log so far in small frames (splitting markers and lines), then what comes, then closes. */
    private static void follow(FakeSandbox.Command command, LoopbackServer.WebSocketSession socket) {
        int sent = 0;
        try {
            while (true) {
                boolean done = command.finished.await(20, TimeUnit.MILLISECONDS);
                byte[] all = command.bytes();
                for (; sent < all.length; sent += 5) {
                    socket.sendBinary(Arrays.copyOfRange(all, sent, Math.min(all.length, sent + 5)));
                }
                sent = all.length;
                if (done) {
                    socket.close(1000);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ObjectNode command(FakeSandbox.Command command) {
        ObjectNode node = daytona.json.createObjectNode().put("id", command.id).put("command", command.command);
        if (command.exitCode != null) {
            node.put("exitCode", command.exitCode);
        }
        return node;
    }

    record Part(String name, String filename, byte[] content) {
    }

    /** Parses a multipart/form-data body, keeping the order of the parts. */
    static List<Part> multipart(Request request) {
        return multipart(request.header("content-type"), request.body());
    }

    /** Parses a multipart/form-data body, keeping the order of the parts. */
    static List<Part> multipart(String type, byte[] raw) {
        String boundary = "--" + type.substring(type.indexOf("boundary=") + "boundary=".length());
        String body = new String(raw, StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        for (String chunk : body.split(Pattern.quote(boundary))) {
            if (chunk.isEmpty() || chunk.startsWith("--")) {
                continue;
            }
            int headersEnd = chunk.indexOf("\r\n\r\n");
            Matcher disposition = DISPOSITION.matcher(chunk.substring(0, headersEnd));
            if (!disposition.find()) {
                continue;
            }
            String content = chunk.substring(headersEnd + 4, chunk.length() - 2);
            parts.add(new Part(disposition.group(1), disposition.group(2), content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }
}
