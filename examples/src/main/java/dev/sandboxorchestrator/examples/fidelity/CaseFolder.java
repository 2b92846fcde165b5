package dev.sandboxorchestrator.examples.fidelity;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
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
import java.util.stream.Stream;

/**
 * Reads a corpus case folder into {@link GeneratedCode}: UTF-8 files without NUL as text, the rest as bytes.
 * (The CLI's {@code ProjectFolder} does the same for {@code convert}; it is package-private there.)
 */
final class CaseFolder {
    private CaseFolder() {
    }

    static GeneratedCode read(Path folder) {
        Map<String, FileContent> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path path : paths) {
                files.put(folder.relativize(path).toString().replace('\\', '/'), content(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + folder, e);
        }
        return new GeneratedCode(files, folder.getFileName().toString(), "", null, Map.of("source", folder.toString()), null);
    }

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
