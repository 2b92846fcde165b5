package dev.sandboxorchestrator.daytona.internal;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/** POSIX shell quoting for the command lines sent to a sandbox's session shell. Not API. */
public final class Shell {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<=\\s|^)([A-Za-z_][A-Za-z0-9_]*=)'(?:[^']|'\\\\'')*'");

    private Shell() {
    }

    /** {@code value} as one shell word. */
    public static String quote(String value) {
        if (!value.isEmpty() && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** The words, each quoted, joined by spaces. */
    public static String join(List<String> words) {
        StringJoiner line = new StringJoiner(" ");
        words.forEach(word -> line.add(quote(word)));
        return line.toString();
    }

    /** {@code env K='v' ... argv} (or just argv when there is no variable): variables for this command only. */
    public static String withEnvironment(Map<String, String> environment, List<String> argv) {
        if (environment.isEmpty()) {
            return join(argv);
        }
        StringJoiner line = new StringJoiner(" ", "env ", " " + join(argv));
        environment.forEach((name, value) -> line.add(name + "='" + value.replace("'", "'\\''") + "'"));
        return line.toString();
    }

    /** A command line for messages: the values of quoted {@code NAME='value'} assignments hidden (they may be secrets). */
    public static String redactAssignments(String commandLine) {
        return ASSIGNMENT.matcher(commandLine).replaceAll("$1***");
    }
}
