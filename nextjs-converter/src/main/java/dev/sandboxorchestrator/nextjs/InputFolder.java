package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads a folder into {@link GeneratedCode}: valid UTF-8 without NULs as text, the rest as bytes. Thread-safe. */
final class InputFolder {
    private static final Set<String> SKIPPED = Set.of("node_modules", ".next", ".git");

    private InputFolder() {
    }

    static GeneratedCode read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir.toString(), "is not a directory");
        }
        Map<String, FileContent> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path path : paths) {
                Path relative = dir.relativize(path);
                if (SKIPPED.contains(relative.getName(0).toString())) {
                    continue;
                }
                String name = relative.toString().replace('\\', '/');
                files.put(name, content(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), "cannot be read: " + e.getMessage());
        }
        return new GeneratedCode(files, null, null, null, null, null);
    }

    private static FileContent content(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return FileContent.bytes(bytes);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return FileContent.text(new String(bytes, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            return FileContent.bytes(bytes);
        }
    }
}
