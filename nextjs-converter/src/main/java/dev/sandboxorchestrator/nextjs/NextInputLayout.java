package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places ready Next.js files into the App Router layout: top-level route files ({@code page.tsx},
 * {@code layout.tsx}, {@code globals.css}, siblings they import) move into {@code app/} (or {@code src/app/}),
 * top-level assets into {@code public/}; folders and configuration files stay where they are. Relative imports
 * in moved files are rewritten so they still resolve. Not thread-safe: one per conversion.
 */
final class NextInputLayout {
    private static final Pattern PAGE = Pattern.compile("(?:(?:src/)?app/(?:.*/)?)?page\\.(?:tsx|jsx|ts|js)");
    private static final Pattern PAGES_ROUTER = Pattern.compile("(?:src/)?pages/.+\\.(?:tsx|jsx|ts|js)");
    private static final Pattern SOURCE = Pattern.compile(".+\\.(?:tsx|jsx|ts|js|mjs|cjs|css|scss|sass|mdx|json)");
    private static final Set<String> ROOT_FILES = Set.of("package.json", "package-lock.json", "tsconfig.json",
            "next-env.d.ts", ".eslintrc", ".eslintrc.json", ".eslintrc.js", ".eslintrc.cjs", ".gitignore", ".npmrc",
            ".nvmrc", "jsconfig.json", "components.json");
    private static final Pattern ROOT_CONFIG = Pattern.compile(
            "(?:next|tailwind|postcss|eslint|prettier|jest|vitest)\\.config\\.[a-z]+|\\.env.*|readme.*|license.*|.*\\.d\\.ts|\\.prettierrc.*");
    private static final List<String> EXTENSIONS = List.of("", ".tsx", ".ts", ".jsx", ".js", ".mjs", ".css", ".json",
            "/index.tsx", "/index.ts", "/index.jsx", "/index.js");

    private final Report report;

    NextInputLayout(Report report) {
        this.report = report;
    }

    /** Whether the code is a ready Next.js app (it has a page) rather than HTML to convert. */
    static boolean isNextApp(GeneratedCode code) {
        return code.files().keySet().stream().anyMatch(path -> PAGE.matcher(path).matches() || PAGES_ROUTER.matcher(path).matches());
    }

    /** The folder holding the App Router routes for this input. */
    static String appDir(GeneratedCode code) {
        return code.files().keySet().stream().anyMatch(path -> path.startsWith("src/app/")) ? "src/app" : "app";
    }

    /** Copies every input file to its place in the project. */
    void place(GeneratedCode code, Output out) {
        String appDir = appDir(code);
        Map<String, String> moves = new LinkedHashMap<>();
        for (String path : code.files().keySet()) {
            moves.put(path, target(path, appDir));
        }
        moves.forEach((from, to) -> {
            FileContent content = code.files().get(from);
            if (!from.equals(to)) {
                report.changed(from, 0, "moved to " + to);
                if (content.isText() && isScript(from)) {
                    content = FileContent.text(rewriteImports(content.asString(), from, to, moves, code.files().keySet()));
                }
            }
            out.put(to, content);
        });
    }

    private static String target(String path, String appDir) {
        if (path.contains("/")) {
            return path;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (ROOT_FILES.contains(lower) || ROOT_CONFIG.matcher(lower).matches()) {
            return path;
        }
        return SOURCE.matcher(lower).matches() ? appDir + "/" + path : "public/" + path;
    }

    static boolean isScript(String path) {
        return path.matches(".+\\.(?:tsx|jsx|ts|js|mjs|cjs)");
    }

    /** Rewrites relative specifiers of a moved file so that they point at where their targets now are. */
    private String rewriteImports(String source, String from, String to, Map<String, String> moves, Set<String> inputs) {
        StringBuilder out = new StringBuilder(source);
        List<ImportScanner.Specifier> specifiers = ImportScanner.scan(source);
        for (int i = specifiers.size() - 1; i >= 0; i--) {
            ImportScanner.Specifier spec = specifiers.get(i);
            if (!spec.value().startsWith("./") && !spec.value().startsWith("../")) {
                continue;
            }
            String resolved = Paths.resolve(Paths.parent(from), spec.value());
            if (resolved == null) {
                continue;
            }
            String movedTarget = movedLocation(resolved, moves, inputs);
            String rewritten = Paths.relative(Paths.parent(to), movedTarget);
            if (!rewritten.equals(spec.value())) {
                out.replace(spec.start(), spec.end(), rewritten);
                report.changed(from, Paths.lineOf(source, spec.start()), "import \"" + spec.value() + "\" rewritten to \"" + rewritten + "\"");
            }
        }
        return out.toString();
    }

    private static String movedLocation(String resolved, Map<String, String> moves, Set<String> inputs) {
        for (String extension : EXTENSIONS) {
            String candidate = resolved + extension;
            if (inputs.contains(candidate)) {
                String moved = moves.get(candidate);
                return moved.substring(0, moved.length() - extension.length());
            }
        }
        return resolved;
    }
}
