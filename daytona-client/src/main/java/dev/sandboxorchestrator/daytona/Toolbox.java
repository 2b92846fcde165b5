package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.LogSocket;
import dev.sandboxorchestrator.daytona.internal.Multipart;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The toolbox API of one sandbox (the daemon inside it), at {@code {toolboxProxyUrl}/{sandboxId}}: files
 * (bulk upload in one multipart request, single upload and download), synchronous execution, and sessions
 * whose commands run asynchronously, with status, logs and live log following over a WebSocket. Obtained from
 * {@link DaytonaClient#toolbox}; thread-safe; holds nothing to close.
 *
 * <pre>{@code
 * Toolbox toolbox = client.toolbox(sandbox);
 * toolbox.uploadFiles(Map.of("/home/daytona/app/index.js", bytes));
 * CommandResult result = toolbox.execute("node index.js", "/home/daytona/app", Map.of(), Duration.ofMinutes(1));
 * }</pre>
 */
public final class Toolbox {
    /** Added to a command's own timeout for the HTTP call that waits for it. */
    static final Duration RESPONSE_MARGIN = Duration.ofSeconds(30);

    private final ClientContext context;
    private final DaytonaHttp http;
    private final String sandboxId;
    private final String base;

    Toolbox(ClientContext context, String sandboxId, String base) {
        this.context = context;
        this.http = context.http();
        this.sandboxId = Objects.requireNonNull(sandboxId, "sandboxId");
        this.base = Urls.trimSlash(base);
    }

    public String sandboxId() {
        return sandboxId;
    }

    /** {@code {toolboxProxyUrl}/{sandboxId}}. */
    public URI baseUrl() {
        return URI.create(base);
    }

    /**
     * Uploads all files in one {@code multipart/form-data} request (absolute destination path → content). The
     * daemon creates missing directories and overwrites existing files.
     */
    public void uploadFiles(Map<String, byte[]> files) {
        if (files.isEmpty()) {
            return;
        }
        Multipart body = Multipart.bulkUpload(files);
        http.send(http.request(uri("/files/bulk-upload"), context.uploadTimeout()).header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), true);
    }

    /** Uploads one file. */
    public void uploadFile(String path, byte[] content) {
        Multipart body = new Multipart().file("file", path, content);
        http.send(http.request(uri("/files/upload" + new Urls.Query().add("path", path)), context.uploadTimeout())
                .header("Content-Type", body.contentType()).POST(body.publisher()).build(), true);
    }

    /** The content of a file, or empty when it does not exist. */
    public Optional<byte[]> download(String path) {
        HttpRequest request = http.request(uri("/files/download" + new Urls.Query().add("path", path)), context.uploadTimeout())
                .setHeader("Accept", "*/*").GET().build();
        try {
            return Optional.of(http.send(request, true).body());
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Runs a command to completion and returns its exit code and combined output. The daemon kills it after
     * {@code timeout} (whole seconds, rounded up) and answers 408. Never retried: it may have run.
     *
     * @param cwd the working directory, or {@code null} for the daemon's
     */
    public CommandResult execute(String command, String cwd, Map<String, String> environment, Duration timeout) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("command", command);
        if (cwd != null) {
            body.put("cwd", cwd);
        }
        if (!environment.isEmpty()) {
            body.put("envs", environment);
        }
        body.put("timeout", Math.max(1, timeout.toSeconds() + (timeout.toMillis() % 1000 > 0 ? 1 : 0)));
        HttpResponse<byte[]> response = http.send(http.postJson(uri("/process/execute"), body, timeout.plus(RESPONSE_MARGIN)), false);
        JsonNode result = http.parse(response);
        JsonNode exitCode = result.has("exitCode") ? result.get("exitCode") : result.get("code");
        if (exitCode == null || !exitCode.canConvertToInt()) {
            throw DaytonaHttp.invalid(response, "the response has no 'exitCode'");
        }
        return new CommandResult(exitCode.asInt(), SandboxJson.text(result, "result"));
    }

    /** Creates a session (a persistent shell); {@code false} when it already exists. */
    public boolean createSession(String sessionId) {
        try {
            http.send(http.postJson(uri("/process/session"), Map.of("sessionId", sessionId), context.requestTimeout()), true);
            return true;
        } catch (ServiceException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes a session and kills what runs in it; {@code false} when it did not exist. */
    public boolean deleteSession(String sessionId) {
        try {
            http.send(http.delete(uri("/process/session/" + Urls.segment(sessionId)), context.requestTimeout()), true);
            return true;
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Starts a command in a session without waiting for it; returns its id. Never retried: it may have started. */
    public String executeAsync(String sessionId, String command) {
        Map<String, Object> body = Map.of("command", command, "runAsync", true);
        HttpResponse<byte[]> response = http.send(http.postJson(session(sessionId, "/exec"), body, context.requestTimeout()), false);
        return DaytonaHttp.required(http.parse(response), "cmdId", response);
    }

    /** A command's status: no exit code while it runs. */
    public SessionCommand command(String sessionId, String commandId) {
        HttpResponse<byte[]> response = http.send(http.get(session(sessionId, "/command/" + Urls.segment(commandId)),
                context.requestTimeout()), true);
        return command(http.parse(response), response);
    }

    /** The commands run in a session, oldest first; empty when the session does not exist. */
    public List<SessionCommand> sessionCommands(String sessionId) {
        try {
            HttpResponse<byte[]> response = http.send(http.get(session(sessionId, ""), context.requestTimeout()), true);
            List<SessionCommand> commands = new ArrayList<>();
            for (JsonNode node : http.parse(response).path("commands")) {
                commands.add(command(node, response));
            }
            return commands;
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** A command's output so far (JSON with stdout and stderr apart; plain text from older daemons). */
    public CommandLogs logs(String sessionId, String commandId) {
        HttpResponse<byte[]> response = http.send(http.get(session(sessionId, "/command/" + Urls.segment(commandId) + "/logs"),
                context.requestTimeout()), true);
        boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
        if (!json) {
            return CommandLogs.fromStream(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        JsonNode logs = http.parse(response);
        String output = SandboxJson.text(logs, "output");
        CommandLogs parsed = output == null ? new CommandLogs(null, null, null) : CommandLogs.fromStream(output);
        return new CommandLogs(Optional.ofNullable(SandboxJson.text(logs, "stdout")).orElse(parsed.stdout()),
                Optional.ofNullable(SandboxJson.text(logs, "stderr")).orElse(parsed.stderr()), parsed.combined());
    }

    /**
     * Follows a command's output live over the daemon's WebSocket ({@code .../logs?follow=true}): each line goes
     * to {@code lines} with its stream as it is printed; the returned follow completes when the command ends.
     *
     * @throws ServiceException when the stream cannot be opened (status 0 when nothing answered)
     */
    public LogFollow followLogs(String sessionId, String commandId, LogListener lines) {
        String path = "/process/session/" + Urls.segment(sessionId) + "/command/" + Urls.segment(commandId) + "/logs";
        URI target = URI.create(Urls.toWebSocket(base) + path + "?follow=true");
        LogSocket socket = new LogSocket(lines);
        WebSocket.Builder builder = http.client().newWebSocketBuilder().connectTimeout(context.requestTimeout());
        http.headers().forEach(builder::header);
        try {
            builder.buildAsync(target, socket).get(context.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            return socket;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            int status = cause instanceof WebSocketHandshakeException handshake ? handshake.getResponse().statusCode() : 0;
            throw new ServiceException(DaytonaHttp.SERVICE, status, "websocket", "the live log stream could not be opened ("
                    + cause.getClass().getSimpleName() + ")", target.getPath(), null, 1, null, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ServiceException(DaytonaHttp.SERVICE, 0, "websocket", "the live log stream did not open in time",
                    target.getPath(), null, 1, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.sandboxorchestrator.core.SandboxOrchestratorException("Interrupted while opening a log stream", e);
        }
    }

    /** Whether something listens on the port (3000-9999) inside the sandbox. */
    public boolean isPortInUse(int port) {
        return http.sendForJson(http.get(uri("/port/" + port + "/in-use"), context.requestTimeout()), true).path("isInUse").asBoolean();
    }

    private static SessionCommand command(JsonNode node, HttpResponse<?> response) {
        String id = SandboxJson.text(node, "id");
        if (id == null) {
            throw DaytonaHttp.invalid(response, "a command has no 'id'");
        }
        JsonNode exit = node.get("exitCode");
        OptionalInt exitCode = exit != null && exit.canConvertToInt() && !exit.isNull() ? OptionalInt.of(exit.asInt()) : OptionalInt.empty();
        return new SessionCommand(id, SandboxJson.text(node, "command"), exitCode);
    }

    private URI session(String sessionId, String rest) {
        return uri("/process/session/" + Urls.segment(sessionId) + rest);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return "Toolbox[" + base + "]";
    }
}
