package dev.sandboxorchestrator.core.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps a command in bubblewrap: read-only system directories, the sandbox's own directory and the shared
 * npm cache writable, nothing else of the host (no home, no other sandboxes), private /tmp, and new pid, ipc
 * and uts namespaces. The network is shared: the app serves on the host's 127.0.0.1 and npm reaches its
 * registry.
 */
final class Isolation {
    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/bin", "/lib", "/lib64", "/sbin", "/opt");
    /** The parts of /etc a Node.js process needs: name resolution, TLS roots, users, timezone. */
    private static final List<String> ETC_FILES = List.of("/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/passwd",
            "/etc/group", "/etc/ssl", "/etc/ca-certificates", "/etc/localtime", "/etc/alternatives", "/etc/os-release");

    private final Path bwrap;

    private Isolation(Path bwrap) {
        this.bwrap = bwrap;
    }

    /** bubblewrap when it is installed and works here, else {@code null}. */
    static Isolation detect() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path candidate = Path.of(dir, "bwrap");
            if (Files.isExecutable(candidate) && works(candidate)) {
                return new Isolation(candidate);
            }
        }
        return null;
    }

    private static boolean works(Path bwrap) {
        try {
            List<String> probe = new ArrayList<>(new Isolation(bwrap).wrap(List.of("/bin/true"), Path.of("/tmp"), List.of(), Path.of("/")));
            Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The argv that runs {@code argv} in {@code workDir}, seeing only the system, {@code writable} dirs and {@code readable} dirs. */
    List<String> wrap(List<String> argv, Path workDir, List<Path> writable, Path readableExtra) {
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--unshare-pid", "--unshare-ipc",
                "--unshare-uts", "--hostname", "sandbox", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        Set<String> bound = new LinkedHashSet<>();
        for (String dir : SYSTEM_DIRS) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                command.addAll(List.of("--symlink", readLink(path), dir));
            } else if (Files.isDirectory(path)) {
                command.addAll(List.of("--ro-bind", dir, dir));
            }
            bound.add(dir);
        }
        for (String file : ETC_FILES) {
            if (Files.exists(Path.of(file))) {
                command.addAll(List.of("--ro-bind", file, file));
            }
        }
        if (readableExtra != null && !isUnder(readableExtra, bound)) {
            command.addAll(List.of("--ro-bind", readableExtra.toString(), readableExtra.toString()));
        }
        for (Path dir : writable) {
            command.addAll(List.of("--bind", dir.toString(), dir.toString()));
        }
        command.addAll(List.of("--chdir", workDir.toString(), "--"));
        command.addAll(argv);
        return command;
    }

    private static boolean isUnder(Path path, Set<String> roots) {
        return roots.stream().anyMatch(root -> path.startsWith(root));
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
