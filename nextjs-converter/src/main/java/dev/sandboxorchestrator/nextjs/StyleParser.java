package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns an inline {@code style="…"} into a React style object literal: property names camel-cased as React
 * wants ({@code -webkit-x} → {@code WebkitX}, {@code -ms-x} → {@code msX}), custom properties kept quoted,
 * values kept verbatim (quotes, {@code url(…)}, {@code !important}). Comments, strings and parentheses are
 * respected when splitting declarations. Thread-safe (stateless).
 */
final class StyleParser {
    /** One declaration: the CSS property and its value (with any {@code !important}). */
    record Declaration(String property, String value) {
    }

    /** The object literal and what had to be changed on the way. */
    record Result(String objectLiteral, List<String> notes) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private StyleParser() {
    }

    static List<Declaration> parse(String css) {
        List<Declaration> declarations = new ArrayList<>();
        for (String part : splitTopLevel(stripComments(css), ';')) {
            int colon = indexOfTopLevel(part, ':');
            if (colon < 0) {
                if (!part.isBlank()) {
                    declarations.add(new Declaration(part.strip(), null));
                }
                continue;
            }
            String property = part.substring(0, colon).strip();
            String value = part.substring(colon + 1).strip();
            declarations.add(new Declaration(property.startsWith("--") ? property : property.toLowerCase(Locale.ROOT), value));
        }
        return declarations;
    }

    /** The React style object for the declarations; {@code values} rewrites each value (e.g. url() paths). */
    static Result toObject(String css, UnaryOperator<String> values) {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Declaration declaration : parse(css)) {
            if (declaration.value() == null || declaration.property().isEmpty()) {
                notes.add("dropped the malformed declaration \"" + declaration.property() + "\"");
                continue;
            }
            String key = reactName(declaration.property());
            if (props.containsKey(key)) {
                notes.add("kept only the last of repeated \"" + declaration.property() + "\" (a style object has one value per property)");
                props.remove(key);
            }
            String value = values.apply(declaration.value());
            if (value.toLowerCase(Locale.ROOT).replace(" ", "").endsWith("!important")) {
                notes.add("\"" + declaration.property() + ": " + declaration.value()
                        + "\" keeps !important in the server-rendered HTML only (React cannot set it on the client)");
            }
            props.put(key, value);
        }
        StringBuilder out = new StringBuilder("{ ");
        boolean first = true;
        for (Map.Entry<String, String> entry : props.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            String key = entry.getKey();
            out.append(IDENTIFIER.matcher(key).matches() ? key : Json.quote(key)).append(": ").append(Json.quote(entry.getValue()));
        }
        return new Result(out.append(first ? "}" : " }").toString(), notes);
    }

    /** React's name for a CSS property. */
    static String reactName(String property) {
        if (property.startsWith("--")) {
            return property;
        }
        String name = property;
        boolean ms = name.startsWith("-ms-");
        if (ms) {
            name = name.substring(1);
        }
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String stripComments(String css) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        char quote = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < css.length()) {
                    out.append(css.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else {
                if (c == '"' || c == '\'') {
                    quote = c;
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOfTopLevel(String text, char wanted) {
        List<String> parts = splitTopLevel(text, wanted);
        return parts.size() < 2 ? -1 : parts.get(0).length();
    }
}
