package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds and rewrites the URLs in CSS text: {@code url(…)} (quoted or not) and {@code @import "…"}, skipping
 * comments and other strings. Thread-safe (stateless).
 */
final class CssUrls {
    /** One URL in the text: its value and the offsets of the value (without quotes). */
    record Reference(String url, int start, int end, boolean isImport) {
    }

    private CssUrls() {
    }

    /** Rewrites every local URL in the CSS to where the project serves it. */
    static String rewrite(String css, UrlMapper urls, UrlMapper.Base base) {
        return replace(css, url -> urls.asset(url, base));
    }

    static String replace(String css, UnaryOperator<String> mapping) {
        List<Reference> references = find(css);
        if (references.isEmpty()) {
            return css;
        }
        StringBuilder out = new StringBuilder(css.length() + 32);
        int at = 0;
        for (Reference reference : references) {
            out.append(css, at, reference.start()).append(mapping.apply(reference.url()));
            at = reference.end();
        }
        return out.append(css, at, css.length()).toString();
    }

    static List<Reference> find(String css) {
        List<Reference> found = new ArrayList<>();
        int i = 0;
        int length = css.length();
        while (i < length) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < length && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (c == '"' || c == '\'') {
                i = skipString(css, i);
            } else if ((c == 'u' || c == 'U') && css.regionMatches(true, i, "url(", 0, 4) && (i == 0 || !isNameChar(css.charAt(i - 1)))) {
                i = readUrl(css, i + 4, found, false);
            } else if (c == '@' && css.regionMatches(true, i, "@import", 0, 7)) {
                int j = i + 7;
                while (j < length && Character.isWhitespace(css.charAt(j))) {
                    j++;
                }
                if (j < length && (css.charAt(j) == '"' || css.charAt(j) == '\'')) {
                    int end = skipString(css, j);
                    found.add(new Reference(css.substring(j + 1, Math.max(j + 1, end - 1)), j + 1, Math.max(j + 1, end - 1), true));
                    i = end;
                } else if (css.regionMatches(true, j, "url(", 0, 4)) {
                    i = readUrl(css, j + 4, found, true);
                } else {
                    i = j;
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static int readUrl(String css, int from, List<Reference> found, boolean isImport) {
        int i = from;
        while (i < css.length() && Character.isWhitespace(css.charAt(i))) {
            i++;
        }
        if (i < css.length() && (css.charAt(i) == '"' || css.charAt(i) == '\'')) {
            int end = skipString(css, i);
            found.add(new Reference(css.substring(i + 1, Math.max(i + 1, end - 1)), i + 1, Math.max(i + 1, end - 1), isImport));
            int close = css.indexOf(')', end);
            return close < 0 ? css.length() : close + 1;
        }
        int close = css.indexOf(')', i);
        int end = close < 0 ? css.length() : close;
        int valueEnd = end;
        while (valueEnd > i && Character.isWhitespace(css.charAt(valueEnd - 1))) {
            valueEnd--;
        }
        found.add(new Reference(css.substring(i, valueEnd), i, valueEnd, isImport));
        return close < 0 ? css.length() : close + 1;
    }

    private static int skipString(String css, int at) {
        char quote = css.charAt(at);
        int i = at + 1;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return css.length();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }
}
