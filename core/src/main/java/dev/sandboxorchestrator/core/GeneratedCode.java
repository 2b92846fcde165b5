package dev.sandboxorchestrator.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Files as a generator produced them (the guide's {@code generatedCode}: path → content), with a title, a
 * description, extra npm dependencies the code declares, free-form metadata (for example
 * {@code generator=template}) and the tokens spent producing them.
 *
 * <p>Paths are relative with forward slashes; they are validated by the orchestrator before anything is
 * created. Iteration order is the order the files were given in.
 *
 *  * <pre>{@code
 * GeneratedCode code = GeneratedCode.of(Map.of("page.tsx", "export default function Page() { return <h1>Hi</h1>; }"));
 * }</pre>
 */
public record GeneratedCode(Map<String, FileContent> files, String title, String description,
        Map<String, String> dependencies, Map<String, String> metadata, TokenUsage usage) {

    public GeneratedCode {
        files = copyOrdered(Objects.requireNonNull(files, "files"));
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        dependencies = copyOrdered(dependencies == null ? Map.of() : dependencies);
        metadata = copyOrdered(metadata == null ? Map.of() : metadata);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    /** Text files only, as in the guide's {@code generatedCode} map. */
    public static GeneratedCode of(Map<String, String> textFiles) {
        Map<String, FileContent> files = new LinkedHashMap<>();
        textFiles.forEach((path, text) -> files.put(path, FileContent.text(Objects.requireNonNull(text, () -> path + ": content is null"))));
        return new GeneratedCode(files, null, null, null, null, null);
    }

    /**
     * Reads every file under {@code directory} (skipping {@code node_modules}, {@code .git} and {@code .next}):
     * UTF-8 files without NUL characters as text, the others as bytes. Paths use forward slashes.
     *
     * @throws InvalidInputException when {@code directory} is not a directory
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    public static GeneratedCode fromDirectory(java.nio.file.Path directory) {
        return new GeneratedCode(Directories.read(directory), directory.getFileName() == null ? "" : directory.getFileName().toString(),
                "", null, Map.of("source", directory.toString()), null);
    }

    /** A copy with other files and everything else kept. */
    public GeneratedCode withFiles(Map<String, FileContent> newFiles) {
        return new GeneratedCode(newFiles, title, description, dependencies, metadata, usage);
    }

    /** A copy with one metadata entry added or replaced. */
    public GeneratedCode withMetadata(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new GeneratedCode(files, title, description, dependencies, copy, usage);
    }

    /** The text of a file, or {@code null} when there is no such file. */
    public String text(String path) {
        FileContent content = files.get(path);
        return content == null ? null : content.asString();
    }

    private static <V> Map<String, V> copyOrdered(Map<String, V> map) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> key + ": value is null")));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
