package dev.sandboxorchestrator.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.InvalidInputException;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory {@link SandboxProvider} for tests: files live in maps, commands are answered by a function
 * you set (every command succeeds by default), and a started app is a real HTTP server on 127.0.0.1 that
 * answers 200 with {@code "fake app <name>"}, so readiness checks run for real. It records every call in
 * order ({@link #calls()}) and can fail any step. Thread-safe.
 *
 * <pre>{@code
 * FakeSandboxProvider provider = new FakeSandboxProvider().failCommand("npm run build", 1, "Type error: boom");
 * }</pre>
 */
public final class FakeSandboxProvider implements SandboxProvider {
    private final Map<String, Sandbox> sandboxes = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Function<Command, ExecResult> commands = command -> new ExecResult(0, "ok: " + command.display(), Duration.ZERO);
    private volatile RuntimeException failCreate;
    private volatile boolean appAnswers = true;
    private volatile boolean cacheHit;

    private static final class Sandbox {
        final SandboxInfo info;
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final StringBuilder log = new StringBuilder();
        volatile SandboxStatus status = SandboxStatus.PENDING;
        volatile Command startCommand;
        volatile HttpServer app;

        Sandbox(SandboxInfo info) {
            this.info = info;
        }
    }

    /** Answers every command with {@code answer}. */
    public FakeSandboxProvider onCommand(Function<Command, ExecResult> answer) {
        this.commands = answer;
        return this;
    }

    /** Commands whose display contains {@code fragment} exit with {@code exitCode} and print {@code output}. */
    public FakeSandboxProvider failCommand(String fragment, int exitCode, String output) {
        Function<Command, ExecResult> previous = commands;
        this.commands = command -> command.display().contains(fragment) ? new ExecResult(exitCode, output, Duration.ZERO) : previous.apply(command);
        return this;
    }

    /** {@link #create} throws {@code failure}. */
    public FakeSandboxProvider failCreate(RuntimeException failure) {
        this.failCreate = failure;
        return this;
    }

    /** Whether started apps answer HTTP 200 (false: the app process "dies" at once). */
    public FakeSandboxProvider appAnswers(boolean answers) {
        this.appAnswers = answers;
        return this;
    }

    /** Whether {@link #restoreDependencies} reports a cache hit. */
    public FakeSandboxProvider dependencyCacheHit(boolean hit) {
        this.cacheHit = hit;
        return this;
    }

    /** Every call so far, as {@code "method id detail"}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The ids of sandboxes that exist now. */
    public List<String> ids() {
        return List.copyOf(sandboxes.keySet());
    }

    /** The files written into a sandbox. */
    public Map<String, byte[]> files(String id) {
        return Map.copyOf(sandbox(id).files);
    }

    /** How many apps are serving now. */
    public long runningApps() {
        return sandboxes.values().stream().filter(sandbox -> sandbox.app != null).count();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public SandboxInfo create(SandboxSpec spec) {
        calls.add("create " + spec.name());
        if (failCreate != null) {
            throw failCreate;
        }
        String id = "fake-" + ids.incrementAndGet();
        sandboxes.put(id, new Sandbox(new SandboxInfo(id, spec.name(), SandboxStatus.PENDING, spec.labels(), Instant.now(), name())));
        return get(id);
    }

    @Override
    public void writeFiles(String sandboxId, Map<String, byte[]> files) {
        calls.add("writeFiles " + sandboxId + " " + files.size());
        Sandbox sandbox = sandbox(sandboxId);
        files.forEach((path, bytes) -> {
            if (path.startsWith("/") || path.contains("..")) {
                throw new InvalidInputException(path, "path escapes the project");
            }
            sandbox.files.put(path, bytes.clone());
        });
    }

    @Override
    public Map<String, byte[]> readFiles(String sandboxId, List<String> paths) {
        Sandbox sandbox = sandbox(sandboxId);
        Map<String, byte[]> found = new LinkedHashMap<>();
        paths.stream().filter(sandbox.files::containsKey).forEach(path -> found.put(path, sandbox.files.get(path).clone()));
        return found;
    }

    @Override
    public ExecResult exec(String sandboxId, Command command, LogListener logs) {
        calls.add("exec " + sandboxId + " " + command.display());
        Sandbox sandbox = sandbox(sandboxId);
        ExecResult result = commands.apply(command);
        result.output().lines().forEach(line -> logs.onLine(SandboxEvent.Stream.STDOUT, line));
        synchronized (sandbox.log) {
            sandbox.log.append("$ ").append(command.display()).append('\n').append(result.output()).append('\n');
        }
        return result;
    }

    @Override
    public BackgroundProcess startBackground(String sandboxId, Command command, LogListener logs) {
        calls.add("startBackground " + sandboxId + " " + command.display());
        Sandbox sandbox = sandbox(sandboxId);
        sandbox.startCommand = command;
        stopApp(sandbox);
        if (!appAnswers) {
            sandbox.status = SandboxStatus.FAILED;
            return new Exited("the fake app was told not to answer");
        }
        sandbox.app = serve(sandbox.info.name());
        sandbox.status = SandboxStatus.RUNNING;
        return new Running(sandbox);
    }

    @Override
    public PreviewLink preview(String sandboxId) {
        Sandbox sandbox = sandbox(sandboxId);
        HttpServer app = sandbox.app;
        int port = app == null ? 9 : app.getAddress().getPort();
        return PreviewLink.of(URI.create("http://127.0.0.1:" + port + "/"));
    }

    @Override
    public boolean restoreDependencies(String sandboxId, Map<String, byte[]> manifests, dev.sandboxorchestrator.core.SandboxListener events) {
        calls.add("restoreDependencies " + sandboxId + " " + cacheHit);
        return cacheHit;
    }

    @Override
    public SandboxInfo get(String sandboxId) {
        Sandbox sandbox = sandbox(sandboxId);
        SandboxInfo info = sandbox.info;
        return new SandboxInfo(info.id(), info.name(), sandbox.status, info.labels(), info.createdAt(), info.provider());
    }

    @Override
    public List<SandboxInfo> list(Map<String, String> labels) {
        List<SandboxInfo> found = new ArrayList<>();
        sandboxes.keySet().stream().sorted().map(this::get).filter(info -> info.matches(labels)).forEach(found::add);
        return found;
    }

    @Override
    public String logs(String sandboxId) {
        Sandbox sandbox = sandbox(sandboxId);
        synchronized (sandbox.log) {
            return sandbox.log.toString();
        }
    }

    @Override
    public void start(String sandboxId) {
        calls.add("start " + sandboxId);
        Sandbox sandbox = sandbox(sandboxId);
        if (sandbox.app == null) {
            sandbox.app = serve(sandbox.info.name());
        }
        sandbox.status = SandboxStatus.RUNNING;
    }

    @Override
    public void stop(String sandboxId) {
        calls.add("stop " + sandboxId);
        Sandbox sandbox = sandbox(sandboxId);
        stopApp(sandbox);
        sandbox.status = SandboxStatus.STOPPED;
    }

    @Override
    public void delete(String sandboxId) {
        calls.add("delete " + sandboxId);
        Sandbox sandbox = sandboxes.remove(sandboxId);
        if (sandbox != null) {
            stopApp(sandbox);
        }
    }

    @Override
    public void close() {
        sandboxes.values().forEach(FakeSandboxProvider::stopApp);
    }

    private Sandbox sandbox(String id) {
        Sandbox sandbox = sandboxes.get(id);
        if (sandbox == null) {
            throw new SandboxNotFoundException(id);
        }
        return sandbox;
    }

    private static void stopApp(Sandbox sandbox) {
        HttpServer app = sandbox.app;
        sandbox.app = null;
        if (app != null) {
            app.stop(0);
        }
    }

    private static HttpServer serve(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = ("fake app " + name).getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Running(Sandbox sandbox) implements BackgroundProcess {
        @Override
        public boolean isAlive() {
            return sandbox.app != null;
        }

        @Override
        public Optional<Integer> exitCode() {
            return isAlive() ? Optional.empty() : Optional.of(143);
        }

        @Override
        public String logTail() {
            return "fake app serving";
        }
    }

    private record Exited(String why) implements BackgroundProcess {
        @Override
        public boolean isAlive() {
            return false;
        }

        @Override
        public Optional<Integer> exitCode() {
            return Optional.of(1);
        }

        @Override
        public String logTail() {
            return why;
        }
    }
}
