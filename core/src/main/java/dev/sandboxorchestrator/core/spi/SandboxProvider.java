package dev.sandboxorchestrator.core.spi;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.ExecResult;
import dev.sandboxorchestrator.core.PreviewLink;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxListener;
import dev.sandboxorchestrator.core.SandboxSpec;
import java.util.List;
import java.util.Map;

/**
 * Runs sandboxes: somewhere isolated to put a project's files, run its commands and serve its app. The
 * orchestrator is the only caller that knows the order of the steps; a provider only does each one.
 *
 * <p>Implementations are thread-safe. {@link #close()} releases what the provider holds (for the local
 * provider: it stops every sandbox it started); it is idempotent and throws no checked exception.
 * Unknown ids throw {@link dev.sandboxorchestrator.core.SandboxNotFoundException}.
 */
public interface SandboxProvider extends AutoCloseable {
    /** A short name, e.g. {@code local} or {@code daytona}. */
    String name();

    /** Creates a sandbox and returns it once it can take files and commands. */
    SandboxInfo create(SandboxSpec spec);

    /** Writes files (path relative to the project directory → bytes), in one round trip where the backend allows. */
    void writeFiles(String sandboxId, Map<String, byte[]> files);

    /** Reads files of the project; absent files are left out of the result. */
    Map<String, byte[]> readFiles(String sandboxId, List<String> paths);

    /** Runs a command to completion in the project directory, streaming its output to {@code logs}. */
    ExecResult exec(String sandboxId, Command command, LogListener logs);

    /**
     * Starts the app's server in the background; it listens on the port the provider puts in {@code PORT}.
     * The provider remembers the command so that {@link #start} can bring the app back after a stop.
     */
    BackgroundProcess startBackground(String sandboxId, Command command, LogListener logs);

    /** Where the app started by {@link #startBackground} can be reached from outside the sandbox. */
    PreviewLink preview(String sandboxId);

    /**
     * Makes the project's dependencies available without installing them, when this provider has them cached
     * for exactly these manifests (path → content). Returns {@code false} when they must be installed.
     */
    default boolean restoreDependencies(String sandboxId, Map<String, byte[]> manifests, SandboxListener events) {
        return false;
    }

    /** Offers the dependencies just installed for these manifests to the provider's cache. */
    default void saveDependencies(String sandboxId, Map<String, byte[]> manifests) {
    }

    /** The sandbox as it is now. */
    SandboxInfo get(String sandboxId);

    /** The sandboxes that carry all the given labels (an empty map lists all of this provider's). */
    List<SandboxInfo> list(Map<String, String> labels);

    /** The logs kept for the sandbox (install, build, start), oldest first. */
    String logs(String sandboxId);

    /** Starts a stopped sandbox and the app it last ran. */
    void start(String sandboxId);

    /** Stops the sandbox and everything running in it; its files are kept. */
    void stop(String sandboxId);

    /** Deletes the sandbox and its files. Deleting a sandbox that does not exist is not an error. */
    void delete(String sandboxId);

    /** Tells the provider the sandbox is in use, so it does not auto-stop it. */
    default void touch(String sandboxId) {
    }

    @Override
    void close();
}
