package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a folder of files into {@link GeneratedCode}, and writes a project's files into a folder. */
final class ProjectFolder {
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", ".next", ".DS_Store");

    private ProjectFolder() {
    }

    static GeneratedCode read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder.toString(), "is not a folder");
        }
        Map<String, FileContent> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.filter(Files::isRegularFile).filter(path -> !skipped(folder.relativize(path))).sorted().toList();
            for (Path path : paths) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                files.put(relative, content(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        }
        return new GeneratedCode(files, folder.getFileName().toString(), "", null, Map.of("source", folder.toString()), null);
    }

    static void write(Map<String, FileContent> files, Path folder) {
        try {
            for (Map.Entry<String, FileContent> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder.normalize())) {
                    throw new InvalidInputException(file.getKey(), "path escapes the output folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().toBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write into " + folder, e);
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Text when the bytes are valid UTF-8 without NUL, else binary. */
    private static FileContent content(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return FileContent.bytes(bytes);
            }
        }
        try {
            return FileContent.text(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return FileContent.bytes(bytes);
        }
    }
}
