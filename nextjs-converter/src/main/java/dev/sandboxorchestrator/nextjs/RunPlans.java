package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.Command;
import dev.sandboxorchestrator.core.RunPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How a converted Next.js project is installed, built and started. Thread-safe (stateless). */
final class RunPlans {
    static final String LOCKFILE = "package-lock.json";
    static final int PORT = 3000;
    static final String START = "exec ./node_modules/.bin/next start -H \"${HOST:-0.0.0.0}\" -p \"${PORT:-" + PORT + "}\"";
    private static final Map<String, String> NO_TELEMETRY = Map.of("NEXT_TELEMETRY_DISABLED", "1");

    private RunPlans() {
    }

    static RunPlan plan(Output out, Duration installTimeout, Duration buildTimeout) {
        boolean locked = out.has(LOCKFILE);
        Command install = Command.of("npm", locked ? "ci" : "install", "--no-audit", "--no-fund", "--loglevel=error")
                .withTimeout(installTimeout);
        Command build = Command.of("npm", "run", "build").withEnvironment(NO_TELEMETRY).withTimeout(buildTimeout);
        Command start = Command.shell(START).withEnvironment(NO_TELEMETRY);
        List<String> manifests = new ArrayList<>(List.of(PackageJson.PATH));
        if (locked) {
            manifests.add(LOCKFILE);
        }
        return new RunPlan(install, build, start, PORT, "/", manifests);
    }
}
