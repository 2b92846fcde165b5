package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.FileContent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files of the project being built, in the order they were added. Not thread-safe: one per conversion. */
final class Output {
    private final Map<String, FileContent> files = new LinkedHashMap<>();

    boolean has(String path) {
        return files.containsKey(path);
    }

    void put(String path, FileContent content) {
        files.put(path, content);
    }

    void text(String path, String text) {
        files.put(path, FileContent.text(text));
    }

    /** Writes the text only when no file is at the path yet; returns whether it wrote. */
    boolean textIfAbsent(String path, String text) {
        if (files.containsKey(path)) {
            return false;
        }
        text(path, text);
        return true;
    }

    String text(String path) {
        FileContent content = files.get(path);
        return content == null ? null : content.asString();
    }

    Map<String, FileContent> files() {
        return Collections.unmodifiableMap(files);
    }
}
