package dev.sandboxorchestrator.core;

import java.util.Locale;
import java.util.Map;

/**
 * Limits on code given to the orchestrator, and the checks that every path is a safe, normalised relative
 * path inside the project. Defaults follow the guide: 100 MB in all.
 *
 * @param maxFiles      most files in one project
 * @param maxTotalBytes most bytes in all files together
 * @param maxFileBytes  most bytes in one file
 * @param maxPathLength most characters in one path
 */
public record InputLimits(int maxFiles, long maxTotalBytes, long maxFileBytes, int maxPathLength) {
    public static final InputLimits DEFAULT = new InputLimits(2_000, 100L * 1024 * 1024, 25L * 1024 * 1024, 255);

    public InputLimits {
        if (maxFiles < 1 || maxTotalBytes < 1 || maxFileBytes < 1 || maxPathLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Checks the code against these limits and the path rules.
     *
     * @throws InvalidInputException naming the first offending file and why
     */
    public void check(GeneratedCode code) {
        Map<String, FileContent> files = code.files();
        if (files.isEmpty()) {
            throw new InvalidInputException("generatedCode", "must contain at least one file");
        }
        if (files.size() > maxFiles) {
            throw new InvalidInputException("generatedCode", files.size() + " files exceed the limit of " + maxFiles);
        }
        long total = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Map.Entry<String, FileContent> file : files.entrySet()) {
            String path = file.getKey();
            checkPath(path);
            if (!seen.add(path.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(path, "is given twice (paths differ only in case)");
            }
            FileContent content = file.getValue();
            if (content.size() > maxFileBytes) {
                throw new InvalidInputException(path, content.size() + " bytes exceed the per-file limit of " + maxFileBytes);
            }
            total += content.size();
            if (total > maxTotalBytes) {
                throw new InvalidInputException(path, "the files up to this one total " + total + " bytes, over the limit of " + maxTotalBytes);
            }
            String problem = content.textProblem();
            if (problem != null) {
                throw new InvalidInputException(path, problem);
            }
        }
    }

    /**
     * Checks one path: relative, forward slashes, normalised, inside the project, printable, of sane length.
     *
     * @throws InvalidInputException naming the path and why
     */
    public void checkPath(String path) {
        String shown = path == null ? "(null)" : path.replace("\0", "\\0");
        if (path == null || path.isEmpty()) {
            throw new InvalidInputException("(empty path)", "file paths must not be empty");
        }
        if (path.length() > maxPathLength) {
            throw new InvalidInputException(shown.substring(0, 40) + "...", "path is " + path.length() + " characters, over the limit of " + maxPathLength);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == 0) {
                throw new InvalidInputException(shown, "path contains a NUL character");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidInputException(shown, "path contains a control character");
            }
        }
        if (path.indexOf('\\') >= 0) {
            throw new InvalidInputException(shown, "path must use forward slashes");
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.startsWith("~")) {
            throw new InvalidInputException(shown, "path must be relative to the project, not absolute");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                throw new InvalidInputException(shown, "path escapes the project ('..')");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw new InvalidInputException(shown, "path is not normalised (empty or '.' segment)");
            }
        }
        String first = path.split("/", 2)[0];
        if (first.equals("node_modules") || first.equals(".git") || first.equals(".next")) {
            throw new InvalidInputException(shown, "path is inside " + first + "/, which the sandbox manages itself");
        }
    }
}
