package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.GenerationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallback for a model that answers in prose: takes files out of fenced code blocks ({@code ```} or
 * {@code ~~~}). A block's file name comes from its info string ({@code ```tsx app/page.tsx},
 * {@code ```tsx title="app/page.tsx"}, {@code ```app/page.tsx}), else from the line just above it
 * ({@code **app/page.tsx**}, {@code ### File: app/page.tsx}), else from a comment on its first line
 * ({@code // app/page.tsx}, {@code <!-- index.html -->}, which is then dropped). A block that is never closed
 * (an answer cut off) is not a file. A lone unnamed block becomes {@code index.html} or {@code app/page.tsx} by
 * its language; other unnamed blocks are counted and skipped. Stateless. Not API.
 */
final class FencedBlockParser {
    /** The files found and how many blocks had no file name. */
    record Result(Map<String, String> files, int unnamedBlocks) {
    }

    private static final Pattern OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    private static final String PATH = "((?:[\\w@.\\[\\]()-]+/)*[\\w@.\\[\\]()-]*\\.(?:tsx|ts|jsx|js|mjs|cjs|css|scss|html|htm|json|md|svg|txt))";
    private static final Pattern PATH_TOKEN = Pattern.compile("(?<![\\w/.-])" + PATH + "(?![\\w/-])");
    private static final Pattern NAMED = Pattern.compile("(?:title|file|filename|name|path)\\s*=\\s*[\"']?" + PATH);
    private static final Pattern FIRST_LINE_COMMENT = Pattern.compile(
            "^\\s*(?://|/\\*|<!--|#)\\s*(?:file(?:name)?:\\s*)?" + PATH + "\\s*(?:\\*/|-->)?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LABEL_LINE = 160;

    private FencedBlockParser() {
    }

    static Result parse(String text, GenerationRequest.Format format) {
        List<String> lines = text.lines().toList();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> unnamed = new LinkedHashMap<>();
        int unnamedCount = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = OPEN.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int close = closing(lines, i + 1, open.group(1));
            if (close < 0) {
                break;
            }
            String info = open.group(2).strip();
            List<String> body = lines.subList(i + 1, close);
            String name = nameFrom(info, i > 0 ? lines.get(i - 1) : "", i > 1 ? lines.get(i - 2) : "");
            if (name == null && !body.isEmpty()) {
                Matcher comment = FIRST_LINE_COMMENT.matcher(body.get(0));
                if (comment.matches()) {
                    name = comment.group(1);
                    body = body.subList(1, body.size());
                }
            }
            String content = String.join("\n", body) + "\n";
            if (name != null) {
                files.put(name.replaceFirst("^(\\./|/)+", ""), content);
            } else {
                unnamedCount++;
                unnamed.putIfAbsent(language(info), content);
            }
            i = close;
        }
        boolean placed = unnamedCount == 1 && placeLoneUnnamed(files, unnamed, format);
        return new Result(files, placed ? 0 : unnamedCount);
    }

    private static int closing(List<String> lines, int from, String fence) {
        Pattern close = Pattern.compile("^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length() + ",}\\s*$");
        for (int j = from; j < lines.size(); j++) {
            if (close.matcher(lines.get(j)).matches()) {
                return j;
            }
        }
        return -1;
    }

    private static String nameFrom(String info, String above, String twoAbove) {
        Matcher named = NAMED.matcher(info);
        if (named.find()) {
            return named.group(1);
        }
        for (String token : info.split("[\\s:]+")) {
            if (PATH_TOKEN.matcher(token).matches()) {
                return token;
            }
        }
        String label = above.isBlank() ? twoAbove : above;
        if (label.length() > MAX_LABEL_LINE) {
            return null;
        }
        Matcher path = PATH_TOKEN.matcher(label.replaceAll("[*`#>]", " "));
        String last = null;
        while (path.find()) {
            last = path.group(1);
        }
        return last;
    }

    private static String language(String info) {
        String first = info.split("[\\s{]+", 2)[0].toLowerCase(Locale.ROOT);
        return switch (first) {
            case "typescript", "ts", "tsx", "typescriptreact", "jsx", "javascript", "js" -> "script";
            case "html", "htm" -> "html";
            default -> first;
        };
    }

    private static boolean placeLoneUnnamed(Map<String, String> files, Map<String, String> unnamed, GenerationRequest.Format format) {
        if (format == GenerationRequest.Format.HTML && unnamed.containsKey("html") && !files.containsKey("index.html")) {
            files.put("index.html", unnamed.get("html"));
            return true;
        }
        if (format == GenerationRequest.Format.NEXTJS && unnamed.containsKey("script")
                && files.keySet().stream().noneMatch(path -> path.matches("(src/)?(app/)?page\\.(tsx|jsx)"))) {
            files.put("app/page.tsx", unnamed.get("script"));
            return true;
        }
        return false;
    }
}
