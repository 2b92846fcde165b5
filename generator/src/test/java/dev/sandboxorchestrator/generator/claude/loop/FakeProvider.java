package dev.sandboxorchestrator.generator.claude.loop;

import com.sun.net.httpserver.HttpServer;
import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.SandboxStatus;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox provider that keeps files in memory and whose "build" behaves like a compiler: every
 * {@code BUG(message)} in a file is a type error reported in {@code next build}'s format, so the build result
 * depends on the files really written. The preview is a real HTTP server on 127.0.0.1 that answers 200 with
 * the current page, so readiness is checked as for real. Closing it stops that server.
 */
public final class FakeProvider implements SandboxProvider {
    private static final Pattern BUG = Pattern.compile("BUG\\(([^)]*)\\)");

    public final Map<String, String> files = new LinkedHashMap<>();
    public final List<Map<String, String>> writes = new CopyOnWriteArrayList<>();
    public final List<String> commands = new CopyOnWriteArrayList<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    private final HttpServer preview;
    private SandboxInfo sandbox;

    public FakeProvider() {
        try {
            preview = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        preview.createContext("/", exchange -> {
            byte[] page;
            synchronized (files) {
                page = files.getOrDefault("app/page.tsx", "").getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(200, page.length == 0 ? -1 : page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        preview.start();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized SandboxInfo create(SandboxSpec spec) {
        sandbox = new SandboxInfo("fake-1", spec.name(), SandboxStatus.RUNNING, spec.labels(), Instant.now(), name());
        return sandbox;
    }

    @Override
    public void writeFiles(String sandboxId, Map<String, byte[]> written) {
        Map<String, String> texts = new LinkedHashMap<>();
        written.forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
        writes.add(texts);
        synchronized (files) {
            files.putAll(texts);
        }
    }

    @Override
    public Map<String, byte[]> readFiles(String sandboxId, List<String> paths) {
        Map<String, byte[]> read = new LinkedHashMap<>();
        synchronized (files) {
            paths.stream().filter(files::containsKey).forEach(path -> read.put(path, files.get(path).getBytes(StandardCharsets.UTF_8)));
        }
        return read;
    }

    @Override
    public ExecResult exec(String sandboxId, Command command, LogListener logs) {
        String line = String.join(" ", command.argv());
        commands.add(line);
        if (!line.equals("build")) {
            return new ExecResult(0, "ok", null);
        }
        List<String> errors = new ArrayList<>();
        synchronized (files) {
            files.forEach((path, content) -> {
                String[] lines = content.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher bug = BUG.matcher(lines[i]);
                    if (bug.find()) {
                        errors.add("./" + path + ":" + (i + 1) + ":" + (bug.start() + 1) + "\nType error: " + bug.group(1));
                    }
                }
            });
        }
        String output = errors.isEmpty() ? "✓ Compiled successfully" : "Failed to compile.\n\n" + String.join("\n\n", errors)
                + "\n\nNext.js build worker exited with code: 1";
        output.lines().forEach(text -> logs.onLine(SandboxEvent.Stream.STDOUT, text));
        return new ExecResult(errors.isEmpty() ? 0 : 1, output, null);
    }

    @Override
    public BackgroundProcess startBackground(String sandboxId, Command command, LogListener logs) {
        commands.add("start");
        return new BackgroundProcess() {
            @Override
            public boolean isAlive() {
                return true;
            }

            @Override
            public Optional<Integer> exitCode() {
                return Optional.empty();
            }

            @Override
            public String logTail() {
                return "";
            }
        };
    }

    @Override
    public PreviewLink preview(String sandboxId) {
        return PreviewLink.of(URI.create("http://127.0.0.1:" + preview.getAddress().getPort() + "/"));
    }

    @Override
    public synchronized SandboxInfo get(String sandboxId) {
        if (sandbox == null || !sandbox.id().equals(sandboxId) || deleted.contains(sandboxId)) {
            throw new SandboxNotFoundException(sandboxId);
        }
        return sandbox;
    }

    @Override
    public List<SandboxInfo> list(Map<String, String> labels) {
        return sandbox == null ? List.of() : List.of(sandbox);
    }

    @Override
    public String logs(String sandboxId) {
        return "";
    }

    @Override
    public void start(String sandboxId) {
        commands.add("start sandbox");
    }

    @Override
    public void stop(String sandboxId) {
        commands.add("stop");
    }

    @Override
    public void delete(String sandboxId) {
        deleted.add(sandboxId);
    }

    @Override
    public void close() {
        preview.stop(0);
    }
}
