package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ./sandbox} program: runs one command and returns its exit status (0 on success, 1 on failure
 * with a one-line error, 2 on bad usage).
 */
public final class Cli {
    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Context context;

    public Cli(PrintStream out, PrintStream err, Map<String, String> env) {
        this.context = new Context(out, err, env, new Setup(env));
        for (Command command : List.of(new DeployCommands.Generate(), new DeployCommands.Deploy(), new ConvertCommand(),
                new LifecycleCommand.ListCommand(), new LifecycleCommand.Status(), new LifecycleCommand.Logs(),
                new LifecycleCommand.Stop(), new LifecycleCommand.Start(), new LifecycleCommand.Delete(), new FidelityCommand(), new ServeCommand(),
                new DaytonaSmokeCommand())) {
            commands.put(command.name(), command);
        }
    }

    public int run(String... argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
            context.out().print(usage());
            return argv.length == 0 ? 2 : 0;
        }
        Command command = commands.get(argv[0]);
        if (command == null) {
            context.err().println("error: unknown command '" + argv[0] + "'. Run ./sandbox --help for the list.");
            return 2;
        }
        Args args;
        try {
            args = Args.parse(List.of(argv).subList(1, argv.length));
        } catch (InvalidInputException e) {
            context.err().println("error: " + e.getMessage());
            return 2;
        }
        if (args.flag("help")) {
            context.out().print(command.help());
            return 0;
        }
        try {
            return command.run(args, context);
        } catch (InvalidInputException e) {
            context.err().println("error: " + e.getMessage());
            context.err().println("Run ./sandbox " + command.name() + " --help for usage.");
            return 2;
        } catch (SandboxOrchestratorException e) {
            report(e, args.flag("verbose"));
            return 1;
        } catch (Exception e) {
            report(e, true);
            return 1;
        }
    }

    private void report(Exception e, boolean verbose) {
        String message = String.valueOf(e.getMessage());
        context.err().println("error: " + message.lines().findFirst().orElse(e.getClass().getSimpleName()));
        if (verbose && message.lines().count() > 1) {
            message.lines().skip(1).forEach(line -> context.err().println("  " + line));
        } else if (message.lines().count() > 1) {
            context.err().println("(run with --verbose for the log tail)");
        }
    }

    private String usage() {
        StringBuilder text = new StringBuilder("""
                Usage: ./sandbox COMMAND [ARGS] [OPTIONS]

                Turns a prompt or existing code into a running web app with a live preview URL.
                The provider is Daytona when DAYTONA_API_KEY is set, this machine otherwise (--provider overrides);
                the generator is Claude when ANTHROPIC_API_KEY is set, an offline template otherwise.

                Commands:
                """);
        commands.values().forEach(command -> text.append(String.format("  %-14s %s%n", command.name(), command.summary())));
        return text.append("\nRun ./sandbox COMMAND --help for a command's options.\n").toString();
    }

    /** Registers another command (the server, the fidelity harness, the Daytona smoke test). */
    void add(Command command) {
        commands.put(command.name(), command);
    }
}
