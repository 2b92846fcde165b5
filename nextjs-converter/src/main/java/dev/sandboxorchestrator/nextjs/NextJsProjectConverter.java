package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.core.spi.ProjectConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts generated code into a Next.js 15 App Router project that builds with {@code next build} (TypeScript
 * and ESLint checks on) and looks and behaves like the original. Two kinds of input are accepted:
 * <ul>
 *   <li>ready Next.js files ({@code page.tsx}, {@code layout.tsx}, {@code globals.css} at the top level or
 *   under {@code app/}, plus {@code components/}, {@code lib/}, {@code public/}, {@code src/app/}): placed into
 *   the App Router layout, with a layout, configuration and the npm packages their imports need added;</li>
 *   <li>HTML pages with their CSS, JavaScript and assets: every page becomes a route whose JSX, metadata,
 *   stylesheets (in cascade order), assets and scripts reproduce the original (see the module README for the
 *   script runtime).</li>
 * </ul>
 * The {@link Project} carries every file, a {@link dev.sandboxorchestrator.core.RunPlan} ({@code npm install},
 * {@code npm run build}, {@code next start} on {@code $HOST:$PORT}) and a
 * {@link dev.sandboxorchestrator.core.ConversionReport} of everything changed, dropped or not mapped.
 *
 * <p>Thread-safe and stateless: one instance may convert concurrently; it touches no file system or network
 * (except {@link #convert(Path)}, which only reads the given folder). Nothing to close.
 *
 * <pre>{@code
 * Project project = new NextJsProjectConverter().convert(GeneratedCode.of(Map.of(
 *         "index.html", "<!doctype html><title>Hi</title><h1 class=\"big\">Hello</h1>")));
 * project.files().keySet(); // app/page.tsx, app/layout.tsx, app/globals.css, package.json, ...
 * }</pre>
 */
public final class NextJsProjectConverter implements ProjectConverter {
    /** Default time allowed for {@code npm install}. */
    public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** Default time allowed for {@code next build}. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(10);

    private final Duration installTimeout;
    private final Duration buildTimeout;

    /** A converter with the default timeouts; this is the one {@code ServiceLoader} finds. */
    public NextJsProjectConverter() {
        this(builder());
    }

    private NextJsProjectConverter(Builder builder) {
        this.installTimeout = builder.installTimeout;
        this.buildTimeout = builder.buildTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws InvalidInputException when the code has no page to convert or a file cannot be used (naming it)
     */
    @Override
    public Project convert(GeneratedCode code) {
        Objects.requireNonNull(code, "code");
        if (code.files().isEmpty()) {
            throw new InvalidInputException("generatedCode", "must contain at least one file");
        }
        Report report = new Report();
        Output out = new Output();
        String tailwindConfig = null;
        Map<String, String> rewrites = Map.of();
        Set<String> plugins = Set.of();
        boolean srcLayout = false;
        if (NextInputLayout.isNextApp(code)) {
            new NextInputLayout(report).place(code, out);
            String appDir = NextInputLayout.appDir(code);
            srcLayout = appDir.startsWith("src/");
            ReadyApp.complete(code, out, appDir, report);
        } else if (HtmlSite.hasPages(code)) {
            HtmlSite.Result site = new HtmlSite(code, report).convert(out);
            plugins = site.tailwindPlugins();
            rewrites = site.rewrites();
            if (site.tailwindConfig() != null || !plugins.isEmpty()) {
                tailwindConfig = Scaffold.tailwindConfig(site.tailwindConfig(), plugins);
            }
        } else {
            throw new InvalidInputException("generatedCode", "has no page to convert: expected page.tsx (or app/page.tsx), "
                    + "pages/index.tsx or an .html file; got " + code.files().keySet().stream().sorted().limit(10).toList());
        }
        PackageJson packageJson = PackageJson.from(code.text(PackageJson.PATH), report);
        packageJson.addDeclared(code.dependencies());
        plugins.forEach(plugin -> packageJson.addImported(plugin, "tailwind.config.js"));
        addImportedPackages(out, packageJson);
        out.text(PackageJson.PATH, packageJson.text());
        Scaffold.write(out, report, srcLayout, tailwindConfig, rewrites);
        return new Project(out.files(), RunPlans.plan(out, installTimeout, buildTimeout), report.build());
    }

    /**
     * Reads a folder into {@link GeneratedCode} (UTF-8 text files as text, everything else as bytes, skipping
     * {@code node_modules}, {@code .next} and {@code .git}) and converts it.
     *
     * @throws InvalidInputException when the folder cannot be read or has nothing to convert
     */
    public Project convert(Path inputDir) {
        return convert(InputFolder.read(inputDir));
    }

    private static void addImportedPackages(Output out, PackageJson packageJson) {
        out.files().forEach((path, content) -> {
            if (path.startsWith("public/") || !NextInputLayout.isScript(path) || !content.isText()) {
                return;
            }
            for (ImportScanner.Specifier specifier : ImportScanner.scan(content.asString())) {
                NpmPackages.packageOf(specifier.value()).ifPresent(name -> packageJson.addImported(name, path));
            }
        });
    }

    @Override
    public String toString() {
        return "NextJsProjectConverter[next " + NpmPackages.NEXT + ", react " + NpmPackages.REACT + "]";
    }

    /**
     * Options of a {@link NextJsProjectConverter}; every one has a default, so {@code build()} always succeeds.
     */
    public static final class Builder {
        private Duration installTimeout = DEFAULT_INSTALL_TIMEOUT;
        private Duration buildTimeout = DEFAULT_BUILD_TIMEOUT;

        private Builder() {
        }

        /** Time allowed for {@code npm install}/{@code npm ci}; default {@link #DEFAULT_INSTALL_TIMEOUT}. */
        public Builder installTimeout(Duration timeout) {
            this.installTimeout = positive(timeout, "installTimeout");
            return this;
        }

        /** Time allowed for {@code npm run build}; default {@link #DEFAULT_BUILD_TIMEOUT}. */
        public Builder buildTimeout(Duration timeout) {
            this.buildTimeout = positive(timeout, "buildTimeout");
            return this;
        }

        public NextJsProjectConverter build() {
            return new NextJsProjectConverter(this);
        }

        private static Duration positive(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + timeout);
            }
            return timeout;
        }
    }
}
