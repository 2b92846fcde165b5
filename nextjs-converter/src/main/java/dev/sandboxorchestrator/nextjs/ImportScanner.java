package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the module specifiers a JavaScript or TypeScript file imports ({@code import … from "x"},
 * {@code import "x"}, {@code export … from "x"}, {@code import("x")}, {@code require("x")}) with a small
 * tokenizer that skips comments, strings, template literals (with nested substitutions) and regular
 * expression literals, so text inside them is never mistaken for an import. Stateless and thread-safe.
 */
final class ImportScanner {
    /** One specifier: its value and the offsets of that value (inside the quotes) in the source. */
    record Specifier(String value, int start, int end) {
    }

    private static final Set<String> REGEX_AFTER_KEYWORDS = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private enum Type { IDENT, PUNCT, STRING, NUMBER, TEMPLATE, REGEX }

    private record Token(Type type, String text) {
    }

    private final String src;
    private int pos;
    private final Token[] recent = new Token[3];
    private final List<Specifier> found = new ArrayList<>();
    private final Set<String> identifiers = new java.util.HashSet<>();
    /** Brace depth per open template substitution, innermost last. */
    private final java.util.ArrayDeque<int[]> templates = new java.util.ArrayDeque<>();

    private ImportScanner(String src) {
        this.src = src;
    }

    static List<Specifier> scan(String source) {
        ImportScanner scanner = new ImportScanner(source);
        scanner.run();
        return scanner.found;
    }

    /** The identifiers and keywords the code uses outside strings, comments and regular expressions. */
    static Set<String> identifiers(String source) {
        ImportScanner scanner = new ImportScanner(source);
        scanner.run();
        return scanner.identifiers;
    }

    private void run() {
        int length = src.length();
        while (pos < length) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                skipLine();
            } else if (c == '/' && peek(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                pos = close < 0 ? length : close + 2;
            } else if (c == '/' && regexAllowed()) {
                readRegex();
            } else if (c == '\'' || c == '"') {
                readString(c);
            } else if (c == '`') {
                pos++;
                readTemplate();
            } else if (isIdentStart(c)) {
                int start = pos;
                while (pos < length && isIdentPart(src.charAt(pos))) {
                    pos++;
                }
                String identifier = src.substring(start, pos);
                identifiers.add(identifier);
                push(Type.IDENT, identifier);
            } else if (c >= '0' && c <= '9') {
                while (pos < length && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.' || src.charAt(pos) == '_')) {
                    pos++;
                }
                push(Type.NUMBER, "0");
            } else {
                punctuator(c);
            }
        }
    }

    private void punctuator(char c) {
        pos++;
        if (!templates.isEmpty()) {
            int[] depth = templates.peekLast();
            if (c == '{') {
                depth[0]++;
            } else if (c == '}') {
                if (depth[0] == 0) {
                    templates.removeLast();
                    readTemplate();
                    return;
                }
                depth[0]--;
            }
        }
        push(Type.PUNCT, String.valueOf(c));
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < src.length() ? src.charAt(at) : '\0';
    }

    private void skipLine() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private boolean regexAllowed() {
        Token last = recent[0];
        if (last == null) {
            return true;
        }
        return switch (last.type()) {
            case PUNCT -> !last.text().equals(")") && !last.text().equals("]");
            case IDENT -> REGEX_AFTER_KEYWORDS.contains(last.text());
            default -> false;
        };
    }

    private void readRegex() {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                break;
            }
            pos++;
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            pos++;
        }
        push(Type.REGEX, "/");
    }

    /** Reads a quoted string; an unescaped line break ends it, so a stray apostrophe in JSX text costs one line at most. */
    private void readString(char quote) {
        int start = ++pos;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote || c == '\n') {
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                value.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        int end = pos;
        pos = Math.min(src.length(), pos + 1);
        stringToken(value.toString(), start, end);
    }

    /** Reads template text up to the closing backtick or the next substitution, which is then scanned as code. */
    private void readTemplate() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '`') {
                pos++;
                push(Type.TEMPLATE, "`");
                return;
            } else if (c == '$' && peek(1) == '{') {
                pos += 2;
                templates.addLast(new int[] {0});
                push(Type.PUNCT, "${");
                return;
            } else {
                pos++;
            }
        }
    }

    private void stringToken(String value, int start, int end) {
        Token last = recent[0];
        Token before = recent[1];
        Token third = recent[2];
        boolean specifier = false;
        if (last != null && last.type() == Type.IDENT && (last.text().equals("from") || last.text().equals("import"))) {
            specifier = !isDot(before);
        } else if (last != null && last.text().equals("(") && before != null && before.type() == Type.IDENT
                && (before.text().equals("import") || before.text().equals("require"))) {
            specifier = !isDot(third);
        }
        if (specifier) {
            found.add(new Specifier(value, start, end));
        }
        push(Type.STRING, "");
    }

    private static boolean isDot(Token token) {
        return token != null && token.type() == Type.PUNCT && token.text().equals(".");
    }

    private void push(Type type, String text) {
        recent[2] = recent[1];
        recent[1] = recent[0];
        recent[0] = new Token(type, text);
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }
}
