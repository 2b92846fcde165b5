package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.examples.browser.Chrome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Measures how faithfully a {@link ProjectConverter} turns HTML pages into apps. For each case folder of a corpus
 * (a folder with an {@code index.html}), it serves the original on 127.0.0.1, deploys the converted app through a
 * {@link SandboxOrchestrator} (by default on this machine, with its shared dependency cache: install, real
 * {@code next build}, {@code next start}; no repair), and compares both in headless Chromium at 1280×800: first-screen and
 * full-page pixel difference, visible text, new console errors, and a generic scripted interaction. Screenshots,
 * diff images, texts and the converted project are kept under the output folder. Not thread-safe; one run at a
 * time. It closes what it starts (browser, servers, sandboxes, and the provider when it created it).
 *
 * <pre>{@code
 * FidelityReport report = Fidelity.builder()
 *         .corpus(Path.of("corpus/html"))
 *         .converter(new NextJsProjectConverter())
 *         .out(Path.of("fidelity-out"))
 *         .build()
 *         .run();
 * System.out.println(report.summary());
 * }</pre>
 */
public final class Fidelity {
    /** The viewport every page is captured at. */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private final Builder config;

    private Fidelity(Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cases this run measures, in order. */
    public List<String> cases() {
        List<String> all = discover(config.corpus);
        if (config.cases.isEmpty()) {
            return all;
        }
        List<String> unknown = config.cases.stream().filter(name -> !all.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("--cases", "no such case in " + config.corpus + ": " + String.join(", ", unknown));
        }
        return config.cases;
    }

    /** Runs every case and returns the report; a case that fails is reported, not thrown. */
    public FidelityReport run() {
        List<String> names = cases();
        createDirectories(config.out);
        SandboxProvider provider = config.provider != null ? config.provider : LocalSandboxProvider.builder().build();
        List<CaseResult> results = new ArrayList<>();
        try (SandboxOrchestrator orchestrator = SandboxOrchestrator.builder().converter(config.converter)
                .provider(provider).maxRepairAttempts(0).readyTimeout(config.readyTimeout)
                .label(SandboxOrchestrator.LABEL_OWNER, "fidelity").build();
                Chrome chrome = Chrome.builder().build()) {
            chrome.setWindowSize(WIDTH, HEIGHT);
            CaseRun runner = new CaseRun(chrome, orchestrator, config.converter, config.out);
            for (String name : names) {
                config.progress.accept("▸ " + name);
                CaseResult result = runner.run(name, config.corpus.resolve(name));
                config.progress.accept("  " + result.build() + " " + result.buildDetail());
                results.add(result);
            }
        } finally {
            if (config.provider == null) {
                provider.close();
            }
        }
        return new FidelityReport(results);
    }

    private static List<String> discover(Path corpus) {
        if (!Files.isDirectory(corpus)) {
            throw new InvalidInputException("CORPUS_DIR", corpus + " is not a folder");
        }
        try (Stream<Path> children = Files.list(corpus)) {
            List<String> names = children.filter(dir -> Files.isRegularFile(dir.resolve("index.html")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) {
                throw new InvalidInputException("CORPUS_DIR", corpus + " has no case folders (folders with an index.html)");
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + corpus, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    /**
     * Configures a {@link Fidelity} run. Required: {@link #corpus} and {@link #converter}. Defaults: every case,
     * output in {@value #DEFAULT_OUT}, a local sandbox provider, a ready timeout of 3 minutes, no progress output.
     */
    public static final class Builder {
        public static final String DEFAULT_OUT = "fidelity-out";
        public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(3);

        private Path corpus;
        private ProjectConverter converter;
        private Path out = Path.of(DEFAULT_OUT);
        private List<String> cases = List.of();
        private SandboxProvider provider;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private Consumer<String> progress = line -> { };

        private Builder() {
        }

        /** The folder whose sub-folders with an {@code index.html} are the cases. */
        public Builder corpus(Path folder) {
            this.corpus = Objects.requireNonNull(folder, "corpus");
            return this;
        }

        public Builder converter(ProjectConverter converter) {
            this.converter = Objects.requireNonNull(converter, "converter");
            return this;
        }

        /** Where screenshots, diff images, texts and converted projects are written, one folder per case. */
        public Builder out(Path folder) {
            this.out = Objects.requireNonNull(folder, "out");
            return this;
        }

        /** Only these cases, in this order (default: all). */
        public Builder cases(List<String> names) {
            this.cases = List.copyOf(names);
            return this;
        }

        /** Where converted apps run; the caller keeps ownership. Default: a local provider, closed after the run. */
        public Builder provider(SandboxProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout, "readyTimeout");
            return this;
        }

        /** Receives one line per step, e.g. for a console. */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Fidelity build() {
            if (corpus == null) {
                throw new IllegalStateException("corpus is required");
            }
            if (converter == null) {
                throw new IllegalStateException("converter is required");
            }
            return new Fidelity(this);
        }
    }
}
