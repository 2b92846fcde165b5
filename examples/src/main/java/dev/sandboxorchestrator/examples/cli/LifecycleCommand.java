package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxInfo;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code list}, {@code status}, {@code logs}, {@code stop}, {@code start}, {@code delete}: one sandbox operation each. */
abstract class LifecycleCommand implements Command {
    private final String name;
    private final String summary;
    private final boolean needsId;

    LifecycleCommand(String name, String summary, boolean needsId) {
        this.name = name;
        this.summary = summary;
        this.needsId = needsId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String help() {
        return "Usage: ./sandbox " + name + (needsId ? " ID" : "") + " [--provider local|daytona]\n\n"
                + Character.toUpperCase(summary.charAt(0)) + summary.substring(1) + ".\n";
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        args.allowOnly(Set.of("provider"));
        String id = needsId ? args.required(0, "ID") : null;
        SandboxProvider provider = context.setup().provider(context.setup().providerName(args.option("provider")));
        SandboxOrchestrator orchestrator = context.setup().orchestrator(provider, context.setup().generator("template"),
                context.progress(args.flag("verbose")), false);
        try {
            return apply(orchestrator, id, context);
        } finally {
            if (!(this instanceof Start && provider instanceof LocalSandboxProvider)) {
                DeployCommands.closeAll(orchestrator, provider);
            }
        }
    }

    abstract int apply(SandboxOrchestrator orchestrator, String id, Context context) throws Exception;

    static void print(SandboxInfo info, Context context) {
        context.out().printf("%-20s %-9s %-28s %s%n", info.id(), info.status().name().toLowerCase(java.util.Locale.ROOT),
                info.name(), info.createdAt());
    }

    static final class ListCommand extends LifecycleCommand {
        ListCommand() {
            super("list", "list the sandboxes", false);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) {
            List<SandboxInfo> sandboxes = orchestrator.list(Map.of());
            if (sandboxes.isEmpty()) {
                context.out().println("No sandboxes.");
            }
            sandboxes.forEach(info -> print(info, context));
            return 0;
        }
    }

    static final class Status extends LifecycleCommand {
        Status() {
            super("status", "show a sandbox's status", true);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) {
            SandboxInfo info = orchestrator.status(id);
            print(info, context);
            info.labels().forEach((key, value) -> context.out().println("  " + key + "=" + value));
            return 0;
        }
    }

    static final class Logs extends LifecycleCommand {
        Logs() {
            super("logs", "print a sandbox's install, build and start logs", true);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) {
            context.out().print(orchestrator.logs(id));
            return 0;
        }
    }

    static final class Stop extends LifecycleCommand {
        Stop() {
            super("stop", "stop a sandbox; its files are kept", true);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) {
            orchestrator.stop(id);
            context.out().println("Stopped " + id);
            return 0;
        }
    }

    static final class Delete extends LifecycleCommand {
        Delete() {
            super("delete", "delete a sandbox and its files", true);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) {
            orchestrator.status(id);
            orchestrator.delete(id);
            context.out().println("Deleted " + id);
            return 0;
        }
    }

    static final class Start extends LifecycleCommand {
        Start() {
            super("start", "start a stopped sandbox again and print its preview URL (local: serves until Ctrl-C)", true);
        }

        @Override
        int apply(SandboxOrchestrator orchestrator, String id, Context context) throws InterruptedException {
            Preview preview = orchestrator.start(id);
            context.out().println("Preview: " + preview.url());
            if (!(orchestrator.provider() instanceof LocalSandboxProvider)) {
                return 0;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                DeployCommands.closeAll(orchestrator, orchestrator.provider());
                stopped.countDown();
            }, "sandbox-shutdown"));
            context.err().println("Serving the preview until Ctrl-C.");
            stopped.await();
            return 0;
        }
    }
}
