package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Converts each {@code src/test/resources/golden/<case>/input} folder and compares the generated project with
 * {@code expected/} (and the report with {@code expected/report.txt}). Regenerate after an intended change with
 * {@code ./mvnw -o -pl nextjs-converter test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    /** Generated files that are copied verbatim and are tested elsewhere. */
    private static final Set<String> SKIPPED = Set.of(PageFiles.RUNTIME_PATH, "next-env.d.ts", ".eslintrc.json");

    @ParameterizedTest
    @ValueSource(strings = {"plain-page", "guide-example", "multi-page"})
    void conversionMatchesGoldenFiles(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        Project project = new NextJsProjectConverter().convert(dir.resolve("input"));
        Map<String, String> actual = new TreeMap<>();
        project.files().forEach((path, content) -> {
            if (content.isText() && !SKIPPED.contains(path) && !path.startsWith("public/")) {
                actual.put(path, content.asString());
            }
        });
        actual.put("report.txt", project.report().entries().stream().map(Object::toString).collect(Collectors.joining("\n", "", "\n")));
        Path expectedDir = dir.resolve("expected");
        if (Boolean.getBoolean("golden.update")) {
            write(expectedDir, actual);
        }
        Map<String, String> expected = read(expectedDir);
        assertThat(actual.keySet()).as("generated files").containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, text) -> assertThat(text).as(path).isEqualTo(expected.get(path)));
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }

}
