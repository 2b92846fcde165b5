package dev.sandboxorchestrator.core.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One installed {@code node_modules} per distinct set of dependency manifests, shared by hard-link copies
 * ({@code cp -al}): a second project with the same package.json gets its dependencies in about a second,
 * and they take no extra disk. Entries are complete or absent: they are built aside and renamed into place.
 */
final class DependencyCache {
    private static final String MODULES = "node_modules";

    private final Path root;

    DependencyCache(Path root) {
        this.root = root;
    }

    /** A key over the manifests' paths and contents. */
    static String key(Map<String, byte[]> manifests) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> manifest : new TreeMap<>(manifests).entrySet()) {
                digest.update(manifest.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(manifest.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Links the cached modules into {@code project}; false when there is no entry for the key. */
    boolean restore(String key, Path project) {
        Path cached = root.resolve(key).resolve(MODULES);
        if (!Files.isDirectory(cached)) {
            return false;
        }
        Path target = project.resolve(MODULES);
        if (Files.exists(target)) {
            return true;
        }
        linkCopy(cached, target);
        return true;
    }

    /** Adds the project's installed modules under the key, unless an entry exists. */
    void save(String key, Path project) {
        Path entry = root.resolve(key);
        Path modules = project.resolve(MODULES);
        if (Files.isDirectory(entry) || !Files.isDirectory(modules)) {
            return;
        }
        try {
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, key + ".tmp");
            linkCopy(modules, staging.resolve(MODULES));
            Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            // another sandbox saved the same entry first; theirs is as good as ours
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save dependencies to the cache " + entry, e);
        }
    }

    private static void linkCopy(Path from, Path to) {
        try {
            Process copy = new ProcessBuilder("cp", "-al", from.toString(), to.toString()).redirectErrorStream(true).start();
            String output = new String(copy.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (copy.waitFor() != 0) {
                throw new IOException("cp -al " + from + " " + to + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.sandboxorchestrator.core.SandboxOrchestratorException("Interrupted while copying dependencies", e);
        }
    }
}
