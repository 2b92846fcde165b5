package dev.sandboxorchestrator.core.internal;

import dev.sandboxorchestrator.core.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the errors out of {@code next build} and TypeScript output: type errors
 * ({@code ./app/page.tsx:5:7} then {@code Type error: ...}), lint errors (a file line, then
 * {@code 12:5  Error: ...  rule}), module and syntax errors (a file line, then {@code Module not found}
 * or {@code Error: x ...}) and {@code tsc}'s {@code file(line,col): error TSxxxx: ...}. Not API.
 */
public final class BuildOutputParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern FILE_POSITION = Pattern.compile("^\\.?/?([\\w@./\\[\\]()-]+\\.(?:tsx?|jsx?|mjs|cjs|css)):(\\d+):(\\d+)$");
    private static final Pattern FILE_ONLY = Pattern.compile("^\\.?/?([\\w@./\\[\\]()-]+\\.(?:tsx?|jsx?|mjs|cjs|css))$");
    private static final Pattern TYPE_ERROR = Pattern.compile("^Type error: (.+)$");
    private static final Pattern LINT = Pattern.compile("^(\\d+):(\\d+)\\s+Error:\\s+(.+?)(?:\\s{2,}(\\S+))?$");
    private static final Pattern TSC = Pattern.compile("^([\\w@./\\[\\]()-]+\\.(?:tsx?|jsx?))\\((\\d+),(\\d+)\\): error (TS\\d+): (.+)$");
    private static final Pattern SWC_POSITION = Pattern.compile("^\\s*,-\\[(?:.*/)?([^/\\]]+?):(\\d+):(\\d+)\\]$");

    private BuildOutputParser() {
    }

    public static List<Diagnostic> parse(String output) {
        LinkedHashSet<Diagnostic> found = new LinkedHashSet<>();
        String[] lines = ANSI.matcher(output == null ? "" : output).replaceAll("").split("\\R");
        String file = "";
        int line = 0;
        int column = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].strip();
            Matcher m;
            if ((m = TSC.matcher(text)).matches()) {
                found.add(new Diagnostic(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4), m.group(5)));
            } else if ((m = FILE_POSITION.matcher(text)).matches()) {
                file = m.group(1);
                line = Integer.parseInt(m.group(2));
                column = Integer.parseInt(m.group(3));
            } else if ((m = FILE_ONLY.matcher(text)).matches()) {
                file = m.group(1);
                line = 0;
                column = 0;
            } else if ((m = TYPE_ERROR.matcher(text)).matches()) {
                found.add(new Diagnostic(file, line, column, "type-error", m.group(1)));
            } else if ((m = LINT.matcher(text)).matches() && !file.isEmpty()) {
                found.add(new Diagnostic(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(4) == null ? "lint" : m.group(4), m.group(3)));
            } else if (text.startsWith("Module not found:") && !file.isEmpty()) {
                found.add(new Diagnostic(file, line, column, "module-not-found", text.substring("Module not found:".length()).strip()));
            } else if (text.startsWith("Error:") && text.contains(" x ") && !file.isEmpty()) {
                Diagnostic syntax = syntaxError(file, text, lines, i);
                found.add(syntax);
            }
        }
        return new ArrayList<>(found);
    }

    private static Diagnostic syntaxError(String file, String text, String[] lines, int at) {
        String message = text.substring(text.indexOf(" x ") + 3).strip();
        for (int j = at + 1; j < Math.min(lines.length, at + 4); j++) {
            Matcher position = SWC_POSITION.matcher(lines[j]);
            if (position.matches()) {
                return new Diagnostic(file, Integer.parseInt(position.group(2)), Integer.parseInt(position.group(3)), "syntax", message);
            }
        }
        return new Diagnostic(file, 0, 0, "syntax", message);
    }
}
