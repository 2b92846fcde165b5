package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.SandboxNotFoundException;
import dev.sandboxorchestrator.core.ServiceException;
import java.util.function.Supplier;

/** How the provider calls Daytona about one sandbox: its 404 is "not found", an already-reached state is success. */
final class SandboxCalls {
    private SandboxCalls() {
    }

    /** Runs a call on one sandbox; Daytona's 404 for it becomes {@link SandboxNotFoundException}. */
    static <T> T call(String sandboxId, Supplier<T> step) {
        try {
            return step.get();
        } catch (ServiceException e) {
            if (e.status() == 404 && e.path().map(path -> path.contains("/sandbox/")).orElse(false)) {
                SandboxNotFoundException missing = new SandboxNotFoundException(sandboxId);
                missing.addSuppressed(e);
                throw missing;
            }
            throw e;
        }
    }

    static void run(String sandboxId, Runnable step) {
        call(sandboxId, () -> {
            step.run();
            return null;
        });
    }

    /** Runs a state change; when Daytona refuses it because the sandbox is already there, that is success. */
    static Sandbox unlessAlready(DaytonaClient client, String sandboxId, SandboxState target, Supplier<Sandbox> change) {
        try {
            return change.get();
        } catch (ServiceException e) {
            if (e.status() < 400 || e.status() >= 500 || e.status() == 404) {
                throw e;
            }
            Sandbox now = client.sandboxes().get(sandboxId);
            if (now.state() == target || target == SandboxState.STOPPED && now.state() == SandboxState.ARCHIVED) {
                return now;
            }
            throw e;
        }
    }

    /** Runs {@code step}; when it fails, deletes the sandbox (a failure to delete is added to the error) and rethrows. */
    static <T> T deleteOnFailure(DaytonaClient client, String sandboxId, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            try {
                client.sandboxes().delete(sandboxId);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
