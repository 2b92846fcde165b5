package dev.sandboxorchestrator.nextjs;

/**
 * Escapes collapsed text for a JSX text child: braces, angle brackets, ampersands and quotes as entities
 * ({@code react/no-unescaped-entities}), non-breaking spaces as {@code &nbsp;}, invisible characters as numeric
 * entities; edge spaces as explicit {@code {" "}} so JSX's line trimming cannot eat them. Thread-safe.
 */
final class JsxText {
    private JsxText() {
    }

    /** The text as JSX, with a leading or trailing space written as {@code {" "}}. */
    static String spaced(String text) {
        boolean lead = text.startsWith(" ");
        boolean trail = text.endsWith(" ") && text.length() > 1;
        String core = text.substring(lead ? 1 : 0, text.length() - (trail ? 1 : 0));
        return (lead ? "{\" \"}" : "") + escape(core) + (trail ? "{\" \"}" : "");
    }

    /** The text as a JSX text child (no leading or trailing spaces expected). */
    static String escape(String text) {
        if (text.contains("//") || text.contains("/*")) {
            // react/jsx-no-comment-textnodes would read it as a misplaced comment.
            return "{" + Json.quote(text) + "}";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{' -> out.append("&#123;");
                case '}' -> out.append("&#125;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u00ad' || c >= '\u200b' && c <= '\u200f' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
