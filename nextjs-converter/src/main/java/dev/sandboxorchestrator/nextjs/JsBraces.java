package dev.sandboxorchestrator.nextjs;

/** Finds the brace that closes an object literal in JavaScript, skipping strings, templates and comments. */
final class JsBraces {
    private JsBraces() {
    }

    /** The index of the '}' matching the '{' at {@code open}, or -1. */
    static int matching(String code, int open) {
        int depth = 0;
        int i = open;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipQuoted(code, i, c);
                continue;
            }
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
                continue;
            }
            if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static int skipQuoted(String code, int at, char quote) {
        int i = at + 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return code.length();
    }
}
