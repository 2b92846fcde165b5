package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.daytona.DaytonaSmoke;
import java.util.Set;

/** {@code daytona-smoke}: the guide's test script against Daytona — create, status, list, delete. */
final class DaytonaSmokeCommand implements Command {
    @Override
    public String name() {
        return "daytona-smoke";
    }

    @Override
    public String summary() {
        return "create a test sandbox on Daytona, get its status, list, delete it (needs DAYTONA_API_KEY)";
    }

    @Override
    public String help() {
        return """
                Usage: ./sandbox daytona-smoke

                The original guide's test script: creates a test sandbox on Daytona, gets its status, lists the
                sandboxes and deletes it, printing each step. Needs DAYTONA_API_KEY (and DAYTONA_API_URL for a
                self-hosted Daytona). Exit status 0 when every step passed, 1 when one failed (the sandbox is
                still deleted), 2 when Daytona is not configured.
                """;
    }

    @Override
    public int run(Args args, Context context) {
        args.allowOnly(Set.of());
        return DaytonaSmoke.run(context.out(), context.env());
    }
}
