package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.InputLimits;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.util.List;
import java.util.Set;

/**
 * Paths as the model and the build name them, made into paths of the current code: {@code ./} and {@code /}
 * dropped, and a build path such as {@code app/page.tsx} mapped to {@code page.tsx} when the code has the file
 * there (the converter moved it). Stateless. Not API.
 */
final class ProjectPaths {
    private static final List<String> MOVED_INTO = List.of("src/app/", "app/", "public/");

    private ProjectPaths() {
    }

    static String toCurrent(String path, Set<String> current) {
        String clean = path.replace('\\', '/').replaceFirst("^(\\./|/)+", "");
        if (current.isEmpty() || current.contains(clean)) {
            return clean;
        }
        for (String prefix : MOVED_INTO) {
            if (clean.startsWith(prefix) && current.contains(clean.substring(prefix.length()))) {
                return clean.substring(prefix.length());
            }
        }
        return clean;
    }

    /**
     * Checks a path the model gave, as the orchestrator will.
     *
     * @throws InvalidInputException naming the path and the rule it breaks
     */
    static void check(String path) {
        InputLimits.DEFAULT.checkPath(path);
    }
}
