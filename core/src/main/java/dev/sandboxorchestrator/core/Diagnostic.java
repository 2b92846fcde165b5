package dev.sandboxorchestrator.core;

import java.util.Objects;

/**
 * One error a build reported, e.g. a TypeScript error.
 *
 * @param file    the project file it is in, or empty when unknown
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param code    the tool's code (e.g. {@code TS2322}, a lint rule), or empty
 * @param message the message
 */
public record Diagnostic(String file, int line, int column, String code, String message) {
    public Diagnostic {
        file = file == null ? "" : file;
        code = code == null ? "" : code;
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!file.isEmpty()) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
                if (column > 0) {
                    text.append(':').append(column);
                }
            }
            text.append(' ');
        }
        if (!code.isEmpty()) {
            text.append(code).append(' ');
        }
        return text.append(message).toString();
    }
}
