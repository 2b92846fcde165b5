package dev.sandboxorchestrator.nextjs;

import java.util.ArrayList;
import java.util.List;

/** Forward-slash path arithmetic on project-relative paths. Thread-safe (stateless). */
final class Paths {
    private Paths() {
    }

    /** The folder of a path ("" for a top-level file). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The file name of a path. */
    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Resolves a relative reference against a folder; null when it climbs out of the project. */
    static String resolve(String folder, String reference) {
        return resolve(folder, reference, false);
    }

    /** Resolves a URL path against a folder as browsers do: ".." above the site root stays at the root. */
    static String resolveUrl(String folder, String reference) {
        return resolve(folder, reference, true);
    }

    private static String resolve(String folder, String reference, boolean clampAtRoot) {
        List<String> parts = new ArrayList<>();
        if (!folder.isEmpty() && !reference.startsWith("/")) {
            parts.addAll(List.of(folder.split("/")));
        }
        for (String segment : reference.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    if (clampAtRoot) {
                        continue;
                    }
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    /** A "./" or "../" reference from a folder to a path. */
    static String relative(String fromFolder, String to) {
        String[] from = fromFolder.isEmpty() ? new String[0] : fromFolder.split("/");
        String[] target = to.split("/");
        int common = 0;
        while (common < from.length && common < target.length - 1 && from[common].equals(target[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            out.append("../");
        }
        if (out.length() == 0) {
            out.append("./");
        }
        for (int i = common; i < target.length; i++) {
            out.append(target[i]);
            if (i + 1 < target.length) {
                out.append('/');
            }
        }
        return out.toString();
    }

    /** The 1-based line of an offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
