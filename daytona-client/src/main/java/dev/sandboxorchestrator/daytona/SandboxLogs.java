package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.daytona.internal.Shell;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The logs of a sandbox's sessions as one text, oldest first, with each command's line and exit code. */
final class SandboxLogs {
    private static final Pattern PREFIX = Pattern.compile("^cd \\S+ && (?:env (?:[A-Za-z_][A-Za-z0-9_]*='(?:[^']|'\\\\'')*' )+)?");
    private static final Pattern SHELL = Pattern.compile("^sh -c '((?:[^']|'\\\\'')*)'$");

    private SandboxLogs() {
    }

    static String collect(Toolbox toolbox, List<String> sessions) {
        StringBuilder text = new StringBuilder();
        for (String session : sessions) {
            for (SessionCommand command : toolbox.sessionCommands(session)) {
                text.append("=== $ ").append(display(command.command())).append('\n');
                String output = toolbox.logs(session, command.id()).combined();
                text.append(output);
                if (!output.isEmpty() && !output.endsWith("\n")) {
                    text.append('\n');
                }
                command.exitCode().ifPresent(code -> text.append("=== exit code ").append(code).append('\n'));
            }
        }
        return text.toString();
    }

    /** The command as the user gave it: without our {@code cd} and environment prefix, secrets hidden. */
    static String display(String commandLine) {
        if (commandLine.contains("/.sandbox-orchestrator/start.sh")) {
            return "the app (its saved start script)";
        }
        String shown = PREFIX.matcher(commandLine).replaceFirst("");
        Matcher script = SHELL.matcher(shown);
        if (script.matches()) {
            shown = script.group(1).replace("'\\''", "'");
        }
        return Shell.redactAssignments(shown);
    }
}
