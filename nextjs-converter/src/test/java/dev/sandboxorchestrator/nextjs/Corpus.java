package dev.sandboxorchestrator.nextjs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the shared HTML corpus: {@code <repo root>/../shared/corpus/html}, or the {@code corpus.dir} system
 * property. The repository root is found by walking up from the working directory to the folder holding
 * {@code mvnw}.
 */
final class Corpus {
    private Corpus() {
    }

    static Optional<Path> dir() {
        String configured = System.getProperty("corpus.dir");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                Path corpus = dir.resolveSibling("shared").resolve("corpus").resolve("html");
                return Optional.of(corpus).filter(Files::isDirectory);
            }
        }
        return Optional.empty();
    }

    static List<String> cases(Path corpus) {
        try (Stream<Path> list = Files.list(corpus)) {
            return list.filter(path -> Files.exists(path.resolve("index.html"))).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
