package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The guide's Daytona test script as a program: creates a test sandbox, gets its status, lists sandboxes,
 * deletes it, printing each step. Exit code 0 when every step worked, 1 when one failed (the sandbox is deleted
 * anyway), 2 when Daytona is not configured. Wired into the CLI as {@code ./sandbox daytona-smoke}.
 *
 * <pre>{@code
 * int code = DaytonaSmoke.run(System.out, System.getenv());
 * }</pre>
 */
public final class DaytonaSmoke {
    /** Optional: the snapshot to create the test sandbox from (Daytona's default otherwise). */
    public static final String ENV_SNAPSHOT = "DAYTONA_SMOKE_SNAPSHOT";
    static final String LABEL_SMOKE = "sandbox-orchestrator/smoke";
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private DaytonaSmoke() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.getenv()));
    }

    /** Runs the smoke test with these environment variables, printing to {@code out}; returns the exit code. */
    public static int run(PrintStream out, Map<String, String> env) {
        DaytonaClient client;
        try {
            client = DaytonaClient.fromEnvironment(env);
        } catch (SandboxOrchestratorException | IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
        try (client) {
            return run(out, client, env.get(ENV_SNAPSHOT));
        }
    }

    static int run(PrintStream out, DaytonaClient client, String snapshot) {
        out.println("Daytona smoke test against " + client.apiUrl() + (client.target() == null ? "" : " (target " + client.target() + ")"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String created = null;
        try {
            out.println("1. Creating test sandbox sandbox-orchestrator-smoke-" + run + " ...");
            CreateSandboxRequest.Builder request = CreateSandboxRequest.builder().name("sandbox-orchestrator-smoke-" + run)
                    .label(LABEL_SMOKE, run).label(DaytonaSandboxProvider.LABEL_MANAGED, "true")
                    .autoStop(Duration.ofMinutes(15)).autoDelete(Duration.ofMinutes(60));
            if (snapshot != null && !snapshot.isBlank()) {
                request.snapshot(snapshot);
            }
            Sandbox sandbox = client.sandboxes().create(request.build());
            created = sandbox.id();
            out.println("   created " + sandbox.id() + " (state " + sandbox.state().wireValue() + ")");
            out.println("2. Getting its status ...");
            if (sandbox.state() != SandboxState.STARTED) {
                sandbox = client.sandboxes().waitFor(sandbox.id(), SandboxState.STARTED, START_TIMEOUT);
            }
            sandbox = client.sandboxes().get(sandbox.id());
            out.println("   " + sandbox.id() + " is " + sandbox.state().wireValue() + " in " + sandbox.target()
                    + " (" + (int) sandbox.cpu() + " CPU, " + (int) sandbox.memoryGb() + " GB memory, " + (int) sandbox.diskGb() + " GB disk)");
            out.println("3. Listing sandboxes ...");
            List<Sandbox> listed = client.sandboxes().list(SandboxQuery.labels(Map.of(LABEL_SMOKE, run))).toList();
            listed.forEach(item -> out.println("   " + item.id() + "  " + item.name() + "  " + item.state().wireValue()));
            String id = sandbox.id();
            if (listed.stream().noneMatch(item -> item.id().equals(id))) {
                throw new SandboxOrchestratorException("the new sandbox " + id + " is not in the list");
            }
            out.println("4. Deleting it ...");
            client.sandboxes().delete(id);
            created = null;
            out.println("   deleted " + id);
            out.println("Daytona smoke test passed.");
            return 0;
        } catch (RuntimeException e) {
            out.println("FAILED: " + e.getMessage());
            return 1;
        } finally {
            if (created != null) {
                deleteAfterFailure(out, client, created);
            }
        }
    }

    private static void deleteAfterFailure(PrintStream out, DaytonaClient client, String id) {
        try {
            client.sandboxes().delete(id);
            out.println("   deleted test sandbox " + id + " after the failure");
        } catch (RuntimeException e) {
            out.println("   could not delete test sandbox " + id + ": " + e.getMessage());
        }
    }
}
