package dev.sandboxorchestrator.nextjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support: writes converted projects to disk and builds them with the real npm and next. node_modules is
 * installed once per set of dependencies into a cache folder (keyed by a hash of package.json's dependency
 * sections) and hard-linked ({@code cp -al}) into each project, so a second project costs no install.
 */
final class NextBuilds {
    static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    /** The outcome of a command: exit code and combined output. */
    record Run(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private NextBuilds() {
    }

    static Path cacheRoot() {
        String configured = System.getProperty("nextjs.cache.dir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        // Run from the repository root (CorpusBuildCheck, the benchmark) or from the module (Maven).
        Path module = Path.of("nextjs-converter");
        return (Files.isDirectory(module.resolve("src")) ? module.resolve("target") : Path.of("target")).resolve("next-cache").toAbsolutePath();
    }

    static void write(Project project, Path dir) {
        try {
            for (Map.Entry<String, FileContent> file : project.files().entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().toBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts node_modules into the project from the cache, installing into the cache first when needed. */
    static void install(Path dir) {
        try {
            String packageJson = Files.readString(dir.resolve("package.json"));
            Path cached = cacheRoot().resolve(dependencyHash(packageJson));
            if (!Files.exists(cached.resolve(".complete"))) {
                Path staging = Files.createDirectories(cacheRoot()).resolve(cached.getFileName() + ".tmp-" + ProcessHandle.current().pid());
                Files.createDirectories(staging);
                Files.writeString(staging.resolve("package.json"), packageJson);
                Run install = run(staging, INSTALL_TIMEOUT, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
                if (!install.ok()) {
                    throw new IllegalStateException("npm install failed:\n" + install.tail(40));
                }
                Files.writeString(staging.resolve(".complete"), "");
                if (!Files.exists(cached)) {
                    Files.move(staging, cached, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Run link = run(dir, Duration.ofMinutes(2), "cp", "-al", cached.resolve("node_modules").toString(), dir.resolve("node_modules").toString());
            if (!link.ok()) {
                throw new IllegalStateException("cp -al failed: " + link.output());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes, installs and builds the project in {@code dir}; returns the build's outcome. */
    static Run writeAndBuild(Project project, Path dir) {
        write(project, dir);
        install(dir);
        return run(dir, BUILD_TIMEOUT, "npm", "run", "build");
    }

    static Run run(Path dir, Duration timeout, String... command) {
        try {
            Path log = Files.createTempFile("next-build", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().put("NEXT_TELEMETRY_DISABLED", "1");
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    return new Run(-1, "timed out after " + timeout + "\n" + Files.readString(log));
                }
                return new Run(process.exitValue(), Files.readString(log));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String dependencyHash(String packageJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(packageJson);
        String key = root.path("dependencies").toString() + root.path("devDependencies").toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
