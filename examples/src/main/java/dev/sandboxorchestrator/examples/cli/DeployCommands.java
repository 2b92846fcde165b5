package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Preview;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.SandboxSpec;
import dev.sandboxorchestrator.core.local.LocalSandboxProvider;
import dev.sandboxorchestrator.core.spi.CodeGenerator;
import dev.sandboxorchestrator.core.spi.SandboxProvider;
import dev.sandboxorchestrator.examples.api.CreateRequest;
import dev.sandboxorchestrator.examples.api.SandboxNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code generate} and {@code deploy}: run code in a new sandbox and print its preview URL. */
final class DeployCommands {
    private static final Set<String> OPTIONS = Set.of("provider", "generator", "name", "auto-stop", "keep-failed", "html", "check");

    private DeployCommands() {
    }

    static final class Generate implements Command {
        @Override
        public String name() {
            return "generate";
        }

        @Override
        public String summary() {
            return "generate an app from a prompt and run it; prints its preview URL";
        }

        @Override
        public String help() {
            return """
                    Usage: ./sandbox generate "PROMPT" [--provider local|daytona] [--generator template|claude]
                                              [--name NAME] [--auto-stop HOURS] [--html] [--keep-failed] [--verbose]

                    Generates code for PROMPT, converts it to a Next.js app, runs it in a new sandbox and prints
                    "Preview: URL" once the preview answers. With the local provider the program then serves the
                    preview until Ctrl-C, then stops the sandbox (its files are kept for ./sandbox start); with
                    Daytona it returns, leaving the sandbox running under its auto-stop.
                      --html         ask the generator for a plain HTML page instead of Next.js files
                      --keep-failed  keep the sandbox when a phase fails, for debugging
                      --check        print the URL once the preview answers, then delete the sandbox and exit 0
                                     (for scripts and CI: proves the whole pipeline works, leaves nothing behind)
                    """;
        }

        @Override
        public int run(Args args, Context context) throws Exception {
            args.allowOnly(OPTIONS);
            String prompt = String.join(" ", args.positionals()).strip();
            if (prompt.isEmpty()) {
                throw new InvalidInputException("PROMPT", "PROMPT is missing");
            }
            CodeGenerator generator = context.setup().generator(context.setup().generatorName(args.option("generator")));
            if (generator.name().equals("template")) {
                context.err().println("Generating offline from a template (set ANTHROPIC_API_KEY to use Claude).");
            }
            GenerationRequest request = new GenerationRequest(prompt, args.flag("html") ? GenerationRequest.Format.HTML : null);
            return runPipeline(args, context, generator, orchestrator -> orchestrator.generate(request,
                    spec(args, args.option("auto-stop").isPresent() ? SandboxNames.sanitize(prompt) : null), null));
        }
    }

    static final class Deploy implements Command {
        @Override
        public String name() {
            return "deploy";
        }

        @Override
        public String summary() {
            return "run a folder of files, or a create-request JSON file, in a sandbox";
        }

        @Override
        public String help() {
            return """
                    Usage: ./sandbox deploy PATH [--provider local|daytona] [--name NAME] [--auto-stop HOURS]
                                                [--keep-failed] [--verbose]

                    PATH is a folder of files (HTML/CSS/JS, or Next.js files such as page.tsx, layout.tsx,
                    globals.css), or a JSON file shaped like the guide's create request:
                      {"generatedCode": {"page.tsx": "..."}, "projectName": "my-app", "description": "..."}
                    Prints "Preview: URL" once the preview answers; see generate --help for the rest.
                    """;
        }

        @Override
        public int run(Args args, Context context) throws Exception {
            args.allowOnly(OPTIONS);
            Path path = Path.of(args.required(0, "PATH"));
            GeneratedCode code;
            SandboxSpec spec;
            if (Files.isDirectory(path)) {
                code = GeneratedCode.fromDirectory(path);
                spec = spec(args, SandboxNames.sanitize(path.toAbsolutePath().normalize().getFileName().toString()));
            } else if (Files.isRegularFile(path)) {
                CreateRequest request = CreateRequest.parse(Files.readAllBytes(path), SandboxNames.sanitize(path.getFileName().toString().replaceFirst("\\.json$", "")));
                code = request.code();
                spec = args.option("name").isPresent() || args.option("auto-stop").isPresent()
                        ? spec(args, request.spec().name()).toBuilder().description(request.spec().description())
                                .environment(request.spec().environment()).buildScript(request.spec().buildScript())
                                .startScript(request.spec().startScript()).build()
                        : request.spec();
            } else {
                throw new InvalidInputException("PATH", path + " does not exist");
            }
            GeneratedCode files = code;
            return runPipeline(args, context, null, orchestrator -> orchestrator.deploy(files, spec, null));
        }
    }

    private interface Step {
        Preview run(SandboxOrchestrator orchestrator);
    }

    private static int runPipeline(Args args, Context context, CodeGenerator generator, Step step) throws InterruptedException {
        SandboxProvider provider = context.setup().provider(context.setup().providerName(args.option("provider")));
        CodeGenerator chosen = generator != null ? generator : context.setup().generator("template");
        boolean serve = provider instanceof LocalSandboxProvider && !args.flag("check");
        SandboxOrchestrator orchestrator = context.setup().orchestrator(provider, chosen, context.progress(args.flag("verbose")),
                args.flag("keep-failed"));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeAll(orchestrator, provider);
            stopped.countDown();
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Preview preview;
        try {
            preview = step.run(orchestrator);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            closeAll(orchestrator, provider);
            throw e;
        }
        context.out().println("Preview: " + preview.url());
        preview.link().expiry().ifPresent(expiry -> context.out().println("Expires: " + expiry));
        context.out().println("Sandbox: " + preview.sandboxId() + " (" + preview.name() + "), ready in "
                + Context.seconds(preview.totalTime()).replaceAll("[()]", ""));
        if (!serve) {
            Runtime.getRuntime().removeShutdownHook(hook);
            if (args.flag("check")) {
                orchestrator.delete(preview.sandboxId());
                context.err().println("Checked and deleted " + preview.sandboxId() + ".");
            }
            closeAll(orchestrator, provider);
            return 0;
        }
        context.err().println("Serving the preview until Ctrl-C; the sandbox stops then (its files are kept: ./sandbox start "
                + preview.sandboxId() + ").");
        stopped.await();
        return 0;
    }

    /** Closes the orchestrator (which stops local sandboxes, not remote ones) and then the provider. */
    static void closeAll(SandboxOrchestrator orchestrator, SandboxProvider provider) {
        try {
            orchestrator.close();
        } finally {
            provider.close();
        }
    }

    static SandboxSpec spec(Args args, String defaultName) {
        String name = args.option("name").map(SandboxNames::sanitize).orElse(defaultName);
        SandboxSpec.Builder spec = SandboxSpec.builder(name == null ? "app" : name);
        args.option("auto-stop").ifPresent(hours -> {
            try {
                spec.autoStop(Duration.ofMinutes(Math.round(Double.parseDouble(hours) * 60)));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--auto-stop", "--auto-stop must be a number of hours, not '" + hours + "'");
            }
        });
        return name == null ? null : spec.build();
    }
}
