package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.BuildFailure;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.LogTail;
import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.PhaseFailedException;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.internal.BuildOutputParser;
import dev.sandboxorchestrator.core.internal.HttpProbe;
import dev.sandboxorchestrator.core.internal.Poller;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs a converted project in a sandbox: upload, install (from the provider's dependency cache when it has the
 * same manifests), build, start, and wait until the preview answers HTTP 200.
 *
 * <p>Why not {@code SandboxOrchestrator.deploy}: its readiness probe uses the JDK client's default HTTP/2, whose
 * {@code Upgrade: h2c} request {@code next start} answers with an empty reply, so no Next.js app ever counts as
 * ready (reported to the lead). This runner probes with HTTP/1.1, as browsers do on plain http. It keeps the
 * same steps and the same failure type ({@link PhaseFailedException} with the phase and the log tail).
 */
final class AppRunner {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    /** A started app: its sandbox, the URL to open, and how long install, build and start took. */
    record App(String sandboxId, URI url, Duration took) {
    }

    private final SandboxProvider provider;
    private final Duration readyTimeout;
    private final HttpProbe probe = new HttpProbe(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build());

    AppRunner(SandboxProvider provider, Duration readyTimeout) {
        this.provider = provider;
        this.readyTimeout = readyTimeout;
    }

    App deploy(String name, Project project) {
        long started = System.nanoTime();
        String id = provider.create(SandboxSpec.named(name)).id();
        try {
            Map<String, byte[]> files = new LinkedHashMap<>();
            project.files().forEach((path, content) -> files.put(path, content.toBytes()));
            provider.writeFiles(id, files);
            install(id, project);
            ExecResult build = provider.exec(id, project.plan().build(), LogListener.NONE);
            if (!build.succeeded()) {
                BuildFailure failure = new BuildFailure(BuildOutputParser.parse(build.output()), build.tail(LogTail.DEFAULT_LINES));
                throw new PhaseFailedException(Phase.BUILD, id, failure.summary(), build.output());
            }
            BackgroundProcess process = provider.startBackground(id, project.plan().start(), LogListener.NONE);
            URI url = awaitReady(id, project.plan().readinessPath(), process);
            return new App(id, url, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            delete(id);
            throw e;
        }
    }

    void delete(String sandboxId) {
        provider.delete(sandboxId);
    }

    private void install(String id, Project project) {
        Map<String, byte[]> manifests = new LinkedHashMap<>();
        for (String path : project.plan().dependencyManifests()) {
            if (project.files().containsKey(path)) {
                manifests.put(path, project.files().get(path).toBytes());
            }
        }
        if (provider.restoreDependencies(id, manifests, event -> { })) {
            return;
        }
        ExecResult result = provider.exec(id, project.plan().install(), LogListener.NONE);
        if (!result.succeeded()) {
            throw new PhaseFailedException(Phase.INSTALL, id, "'" + project.plan().install().display() + "' exited with "
                    + result.exitCode(), result.tail(LogTail.DEFAULT_LINES));
        }
        provider.saveDependencies(id, manifests);
    }

    private URI awaitReady(String id, String path, BackgroundProcess process) {
        PreviewLink link = provider.preview(id);
        URI target = link.url().resolve(path);
        int[] last = {0};
        Poller.standard().until(Phase.READY, "URL " + target + " to return HTTP 200", readyTimeout, () -> {
            if (!process.isAlive()) {
                throw new PhaseFailedException(Phase.START, id, "the app exited with "
                        + process.exitCode().map(String::valueOf).orElse("an unknown code") + " before it answered", process.logTail());
            }
            OptionalInt status = probe.status(target, link.headers(), PROBE_TIMEOUT);
            status.ifPresent(code -> last[0] = code);
            return status.isPresent() && status.getAsInt() == 200 ? Optional.of(true) : Optional.empty();
        }, () -> (last[0] == 0 ? "Nothing answered." : "Last answer: HTTP " + last[0] + ".") + "\n" + process.logTail());
        return link.url();
    }
}
