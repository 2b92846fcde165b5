package dev.sandboxorchestrator.core;

import dev.sandboxorchestrator.core.internal.BuildOutputParser;
import dev.sandboxorchestrator.core.spi.BackgroundProcess;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One run of the pipeline for one sandbox: the only place that knows the order of the steps. Not
 * thread-safe; the orchestrator makes one per call.
 */
final class Pipeline {
    private final SandboxOrchestrator owner;
    private final SandboxProvider provider;
    private final Events events;
    private TokenUsage usage = TokenUsage.NONE;

    Pipeline(SandboxOrchestrator owner, Events events) {
        this.owner = owner;
        this.provider = owner.provider();
        this.events = events;
    }

    Preview deploy(GeneratedCode code, SandboxSpec spec) {
        usage = usage.plus(code.usage());
        events.run(Phase.VALIDATE, code.files().size() + " files", () -> owner.limits().check(code));
        Project project = events.phase(Phase.CONVERT, "", () -> owner.converter().convert(code));
        project = withScripts(project, spec);
        SandboxSpec labelled = spec.toBuilder().labels(owner.labels()).label(SandboxOrchestrator.LABEL_APP, spec.name()).build();
        SandboxInfo sandbox = events.phase(Phase.CREATE, spec.name(), () -> provider.create(labelled));
        String id = sandbox.id();
        events.emit(new SandboxEvent.SandboxCreated(id, sandbox.name(), events.now()));
        Phase[] current = {Phase.UPLOAD};
        try {
            GeneratedCode running = code;
            Project built = project;
            current[0] = Phase.UPLOAD;
            upload(id, project.files());
            current[0] = Phase.INSTALL;
            install(id, project);
            current[0] = Phase.BUILD;
            RepairResult repaired = buildWithRepair(id, running, built);
            running = repaired.code();
            built = repaired.project();
            current[0] = Phase.START;
            Preview preview = startAndWait(id, sandbox, built, current);
            owner.started(id, running);
            events.emit(new SandboxEvent.Ready(preview, events.now()));
            return preview;
        } catch (RuntimeException e) {
            throw cleanUp(id, current[0], e);
        }
    }

    Preview refine(String id, GeneratedCode current, String request) {
        CodeGenerator generator = owner.generator();
        if (!generator.canRepair()) {
            throw new SandboxOrchestratorException(generator.name() + " cannot refine code; configure a generator that can (e.g. Claude)");
        }
        GeneratedCode changes = events.phase(Phase.REFINE, request, () -> generator.refine(current, request, events.asListener()));
        usage = usage.plus(changes.usage());
        GeneratedCode merged = merge(current, changes);
        owner.limits().check(merged);
        Project before = owner.converter().convert(current);
        Project after = owner.converter().convert(merged);
        upload(id, changed(before.files(), after.files()));
        try {
            if (!sameManifests(manifests(before), manifests(after))) {
                install(id, after);
            }
            RepairResult built = buildWithRepair(id, merged, after);
            SandboxInfo sandbox = provider.get(id);
            Preview preview = startAndWait(id, sandbox, built.project(), new Phase[] {Phase.START});
            owner.started(id, built.code());
            return preview;
        } catch (RuntimeException e) {
            // Put the files back as they were, so the sandbox matches the code the orchestrator knows.
            try {
                upload(id, changed(after.files(), before.files()));
            } catch (RuntimeException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
    }

    Preview restart(String id) {
        events.run(Phase.START, id, () -> provider.start(id));
        owner.restarted(id);
        SandboxInfo sandbox = provider.get(id);
        PreviewLink link = waitReady(id, "/", null);
        return new Preview(id, sandbox.name(), link, SandboxStatus.RUNNING, sandbox.createdAt(), events.timings(), usage, null);
    }

    private void upload(String id, Map<String, FileContent> files) {
        events.run(Phase.UPLOAD, files.size() + " files", () -> {
            Map<String, byte[]> bytes = new LinkedHashMap<>();
            files.forEach((path, content) -> bytes.put(path, content.toBytes()));
            provider.writeFiles(id, bytes);
            files.forEach((path, content) -> events.emit(new SandboxEvent.FileWritten(path, content.size(), events.now())));
        });
    }

    private void install(String id, Project project) {
        Map<String, byte[]> manifests = manifests(project);
        events.run(Phase.INSTALL, project.plan().install().display(), () -> {
            if (provider.restoreDependencies(id, manifests, events.asListener())) {
                events.progress(Phase.INSTALL, "dependencies restored from the cache; install skipped");
                return;
            }
            ExecResult result = provider.exec(id, project.plan().install(), events.logs(Phase.INSTALL));
            if (!result.succeeded()) {
                throw new PhaseFailedException(Phase.INSTALL, id, "'" + project.plan().install().display() + "' exited with " + result.exitCode(),
                        result.tail(LogTail.DEFAULT_LINES));
            }
            provider.saveDependencies(id, manifests);
        });
    }

    private record RepairResult(GeneratedCode code, Project project) {
    }

    /** Builds; on failure asks the generator for fixes, at most N times, within the token budget, never for the same error twice. */
    private RepairResult buildWithRepair(String id, GeneratedCode code, Project project) {
        Set<String> seen = new HashSet<>();
        long repairTokens = 0;
        for (int attempt = 0; ; attempt++) {
            Optional<BuildFailure> failure = build(id, project);
            if (failure.isEmpty()) {
                return new RepairResult(code, project);
            }
            BuildFailure failed = failure.get();
            Optional<CodeGenerator> repairer = owner.repairer();
            if (repairer.isEmpty() || owner.maxRepairAttempts() == 0) {
                throw new BuildFailedException(id, failed);
            }
            CodeGenerator generator = repairer.get();
            String stop = null;
            if (attempt >= owner.maxRepairAttempts()) {
                stop = "gave up after " + attempt + " repair attempt(s)";
            } else if (!seen.add(failed.fingerprint())) {
                stop = "the same error came back after a repair";
            } else if (repairTokens >= owner.repairTokenBudget()) {
                stop = "the repair token budget of " + owner.repairTokenBudget() + " is spent";
            }
            if (stop != null) {
                events.progress(Phase.REPAIR, "repair stopped: " + stop);
                throw new BuildFailedException(id, failed);
            }
            int number = attempt + 1;
            GeneratedCode base = code;
            GeneratedCode fixes = events.phase(Phase.REPAIR, "attempt " + number + ": " + failed.summary(),
                    () -> generator.repair(base, failed, events.asListener()));
            repairTokens += fixes.usage().total();
            usage = usage.plus(fixes.usage());
            if (fixes.files().isEmpty() && fixes.dependencies().isEmpty()) {
                events.progress(Phase.REPAIR, "repair stopped: the generator proposed no change");
                throw new BuildFailedException(id, failed);
            }
            events.progress(Phase.REPAIR, "attempt " + number + " changed " + fixes.files().keySet());
            GeneratedCode merged = merge(code, fixes);
            owner.limits().check(merged);
            Project next = owner.converter().convert(merged);
            upload(id, changed(project.files(), next.files()));
            if (!sameManifests(manifests(project), manifests(next))) {
                install(id, next);
            }
            code = merged;
            project = next;
        }
    }

    private Optional<BuildFailure> build(String id, Project project) {
        Command build = project.plan().build();
        return events.phase(Phase.BUILD, build.display(), () -> {
            ExecResult result = provider.exec(id, build, events.logs(Phase.BUILD));
            if (result.succeeded()) {
                return Optional.empty();
            }
            events.progress(Phase.BUILD, "'" + build.display() + "' exited with " + result.exitCode());
            return Optional.of(new BuildFailure(BuildOutputParser.parse(result.output()), result.tail(LogTail.DEFAULT_LINES)));
        });
    }

    private Preview startAndWait(String id, SandboxInfo sandbox, Project project, Phase[] current) {
        BackgroundProcess process = events.phase(Phase.START, project.plan().start().display(),
                () -> provider.startBackground(id, project.plan().start(), events.logs(Phase.START)));
        current[0] = Phase.READY;
        PreviewLink link = waitReady(id, project.plan().readinessPath(), process);
        return new Preview(id, sandbox.name(), link, SandboxStatus.RUNNING, sandbox.createdAt(), events.timings(), usage, project.report());
    }

    private PreviewLink waitReady(String id, String path, BackgroundProcess process) {
        return events.phase(Phase.READY, "", () -> {
            PreviewLink link = provider.preview(id);
            java.net.URI target = link.url().resolve(path);
            int[] lastStatus = {0};
            owner.poller().until(Phase.READY, "URL " + link.redact(target) + " to return HTTP 200",
                    owner.readyTimeout(), () -> {
                        if (process != null && !process.isAlive()) {
                            throw new PhaseFailedException(Phase.START, id, "the app exited with "
                                    + process.exitCode().map(String::valueOf).orElse("an unknown code") + " before it answered",
                                    process.logTail());
                        }
                        OptionalInt status = owner.probe().status(target, link.headers(), Duration.ofSeconds(10));
                        status.ifPresent(code -> lastStatus[0] = code);
                        return status.isPresent() && status.getAsInt() == 200 ? Optional.of(true) : Optional.empty();
                    }, () -> (lastStatus[0] == 0 ? "Nothing answered." : "Last answer: HTTP " + lastStatus[0] + ".")
                            + (process == null ? "" : "\n" + process.logTail()));
            return link;
        });
    }

    /** Deletes (or keeps) the failed sandbox, then returns the exception to throw, with the phase and log tail. */
    private RuntimeException cleanUp(String id, Phase phase, RuntimeException failure) {
        events.emit(new SandboxEvent.Failed(phase, failure.getMessage(), events.now()));
        RuntimeException toThrow = failure instanceof SandboxOrchestratorException ? failure
                : new PhaseFailedException(phase, id, String.valueOf(failure.getMessage()), tailOfLogs(id), failure);
        if (!owner.keepFailedSandboxes()) {
            try {
                provider.delete(id);
                owner.forget(id);
            } catch (RuntimeException e) {
                toThrow.addSuppressed(e);
            }
        }
        return toThrow;
    }

    private String tailOfLogs(String id) {
        try {
            return LogTail.of(provider.logs(id), LogTail.DEFAULT_LINES);
        } catch (RuntimeException e) {
            SandboxOrchestrator.logFailure("Could not read the logs of " + id, e);
            return "";
        }
    }

    private static Project withScripts(Project project, SandboxSpec spec) {
        RunPlan plan = project.plan();
        if (spec.buildScript() != null) {
            plan = plan.withBuild(Command.shell(spec.buildScript()).withTimeout(plan.build().timeout()));
        }
        if (spec.startScript() != null) {
            plan = plan.withStart(Command.shell(spec.startScript()).withTimeout(plan.start().timeout()));
        }
        return project.withPlan(plan);
    }

    private static Map<String, byte[]> manifests(Project project) {
        Map<String, byte[]> manifests = new LinkedHashMap<>();
        for (String path : project.plan().dependencyManifests()) {
            FileContent content = project.files().get(path);
            if (content != null) {
                manifests.put(path, content.toBytes());
            }
        }
        return manifests.isEmpty() ? Map.of() : manifests;
    }

    private static boolean sameManifests(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
    }

    /** The files of {@code after} that are new or differ from {@code before}. */
    private static Map<String, FileContent> changed(Map<String, FileContent> before, Map<String, FileContent> after) {
        Map<String, FileContent> changed = new LinkedHashMap<>();
        after.forEach((path, content) -> {
            if (!content.equals(before.get(path))) {
                changed.put(path, content);
            }
        });
        return changed;
    }

    /** {@code current} with the files of {@code changes} applied over it. */
    static GeneratedCode merge(GeneratedCode current, GeneratedCode changes) {
        Map<String, FileContent> files = new LinkedHashMap<>(current.files());
        files.putAll(changes.files());
        Map<String, String> dependencies = new LinkedHashMap<>(current.dependencies());
        dependencies.putAll(changes.dependencies());
        Map<String, String> metadata = new LinkedHashMap<>(current.metadata());
        metadata.putAll(changes.metadata());
        return new GeneratedCode(files, current.title(), current.description(), dependencies, metadata,
                current.usage().plus(changes.usage()));
    }
}
