package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Phase;
import dev.sandboxorchestrator.core.SandboxEvent;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.daytona.internal.Shell;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The install fast path: a Daytona snapshot per dependency manifest set, built once with Daytona's declarative
 * image build (a Dockerfile that writes the manifests into the project directory and installs them), named after
 * a hash of the manifests, and used for later sandboxes, whose {@code node_modules} is then already in place.
 * A marker file in {@code node_modules} holds the hash, so a sandbox is trusted only when its content says so.
 * Thread-safe.
 */
final class DependencySnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(DependencySnapshots.class);
    static final String NAME_PREFIX = "sandbox-orchestrator-deps-";
    static final String MARKER = "node_modules/.sandbox-orchestrator-deps";
    /** Manifests are written into the Dockerfile, which should stay small. */
    static final int MAX_MANIFEST_BYTES = 64 * 1024;

    private final DaytonaClient client;
    private final String baseImage;
    private final String projectDir;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Set<String> unusable = ConcurrentHashMap.newKeySet();
    private volatile String preferredKey;
    private volatile boolean searched;

    DependencySnapshots(DaytonaClient client, String baseImage, String projectDir) {
        this.client = client;
        this.baseImage = baseImage;
        this.projectDir = projectDir;
    }

    /** The manifests' key: a hash of their paths and contents. */
    static String key(Map<String, byte[]> manifests) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(manifests).forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String name(String key) {
        return NAME_PREFIX + key;
    }

    /**
     * The snapshot a new sandbox should start from: the active one for the manifests last seen, or, before any
     * was seen, the most recently used active one (looked up once).
     */
    Optional<Snapshot> forCreate() {
        String key = preferredKey;
        if (key != null) {
            String name = name(key);
            if (unusable.contains(name)) {
                return Optional.empty();
            }
            if (active.contains(name)) {
                return Optional.of(new Snapshot(null, name, "active", null));
            }
            if (!requested.contains(name)) {
                return Optional.empty();
            }
            Optional<Snapshot> found = client.snapshots().find(name).filter(Snapshot::isActive);
            found.ifPresent(snapshot -> active.add(name));
            return found;
        }
        if (searched) {
            return Optional.empty();
        }
        searched = true;
        Optional<Snapshot> recent = client.snapshots().search(NAME_PREFIX, 10).stream()
                .filter(snapshot -> snapshot.name().startsWith(NAME_PREFIX) && snapshot.isActive() && !unusable.contains(snapshot.name()))
                .findFirst();
        recent.ifPresent(snapshot -> {
            active.add(snapshot.name());
            preferredKey = snapshot.name().substring(NAME_PREFIX.length());
        });
        return recent;
    }

    /** Whether the sandbox's {@code node_modules} came from a snapshot for exactly these manifests. */
    boolean restore(Toolbox toolbox, String sandboxKey, Map<String, byte[]> manifests, SandboxListener events) {
        String key = key(manifests);
        preferredKey = key;
        if (!key.equals(sandboxKey)) {
            return false;
        }
        CommandResult marker = toolbox.execute("cat " + Shell.quote(projectDir + "/" + MARKER), null, Map.of(), Duration.ofSeconds(30));
        boolean linked = marker.succeeded() && marker.output().strip().equals(key);
        if (linked) {
            events.onEvent(new SandboxEvent.Progress(Phase.INSTALL, "node_modules is pre-installed by Daytona snapshot " + name(key),
                    Instant.now()));
        } else {
            LOG.warn("Sandbox {} was made from dependency snapshot {} but its marker does not match; installing instead",
                    toolbox.sandboxId(), name(key));
        }
        return linked;
    }

    /** Starts building the snapshot for these manifests unless it exists; a failure is logged, not thrown. */
    void save(Map<String, byte[]> manifests) {
        String key = key(manifests);
        preferredKey = key;
        String name = name(key);
        if (active.contains(name) || requested.contains(name) || unusable.contains(name)) {
            return;
        }
        if (manifests.values().stream().mapToInt(content -> content.length).sum() > MAX_MANIFEST_BYTES) {
            LOG.info("Dependency manifests are over {} bytes; no dependency snapshot is built for them", MAX_MANIFEST_BYTES);
            unusable.add(name);
            return;
        }
        try {
            if (client.snapshots().find(name).isEmpty()) {
                client.snapshots().createFromDockerfile(name, dockerfile(manifests, key));
                LOG.info("Building Daytona snapshot {} with these dependencies pre-installed, for later sandboxes", name);
            }
            requested.add(name);
        } catch (ServiceException e) {
            LOG.warn("Could not start building dependency snapshot {}: {}. Sandboxes keep installing dependencies.", name, e.getMessage());
        }
    }

    /** Builds the snapshot for these manifests now and waits until it can be used. */
    Snapshot prepare(Map<String, byte[]> manifests, Duration timeout) {
        save(manifests);
        Snapshot ready = client.snapshots().waitUntilActive(name(key(manifests)), timeout);
        active.add(ready.name());
        return ready;
    }

    /** Sandboxes cannot be made from this snapshot; stop using it. */
    void markUnusable(String name) {
        unusable.add(name);
        active.remove(name);
    }

    String dockerfile(Map<String, byte[]> manifests, String key) {
        StringBuilder run = new StringBuilder("mkdir -p ").append(Shell.quote(projectDir)).append(" && cd ").append(Shell.quote(projectDir));
        boolean lockFile = false;
        for (Map.Entry<String, byte[]> manifest : new TreeMap<>(manifests).entrySet()) {
            String path = manifest.getKey();
            lockFile |= path.equals("package-lock.json");
            if (path.contains("/")) {
                run.append(" && mkdir -p ").append(Shell.quote(path.substring(0, path.lastIndexOf('/'))));
            }
            run.append(" && printf '%s' ").append(Base64.getEncoder().encodeToString(manifest.getValue()))
                    .append(" | base64 -d > ").append(Shell.quote(path));
        }
        run.append(lockFile ? " && npm ci" : " && npm install").append(" --no-audit --no-fund");
        run.append(" && printf '%s' ").append(key).append(" > ").append(MARKER);
        return "FROM " + baseImage + "\nRUN " + run + "\n";
    }
}
