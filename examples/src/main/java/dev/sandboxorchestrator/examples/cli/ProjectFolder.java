package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a project's files into a folder. */
final class ProjectFolder {
    private ProjectFolder() {
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
}
