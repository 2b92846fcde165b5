package dev.sandboxorchestrator.core;

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

/** Reads a directory of project files. */
final class Directories {
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", ".next");

    private Directories() {
    }

    static Map<String, FileContent> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException(directory.toString(), directory + " is not a directory");
        }
        Map<String, FileContent> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> paths = walk.filter(Files::isRegularFile).filter(path -> !skipped(directory.relativize(path))).sorted().toList();
            for (Path path : paths) {
                files.put(directory.relativize(path).toString().replace('\\', '/'), content(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + directory, e);
        }
        return files;
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
