package dev.sandboxorchestrator.nextjs;

/**
 * Escapes collapsed text for a JSX text child: braces, angle brackets, ampersands and quotes as entities
 * ({@code react/no-unescaped-entities}), non-breaking spaces as {@code &nbsp;}, invisible characters as numeric
 * entities; text with edge spaces as one string expression so JSX's line trimming cannot eat them. Thread-safe.
 */
final class JsxText {
    private JsxText() {
    }

    /**
     * The text as JSX. Text with a leading or trailing space is written as one string expression: JSX would trim
     * the space at a line break, and splitting it off into {@code {" "}} would make two DOM text nodes where the
     * original had one (which can shift glyphs by a sub-pixel).
     */
    static String spaced(String text) {
        if (text.startsWith(" ") || text.endsWith(" ")) {
            return "{" + Json.quote(text) + "}";
        }
        return escape(text);
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
