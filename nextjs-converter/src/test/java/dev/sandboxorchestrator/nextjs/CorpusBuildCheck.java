package dev.sandboxorchestrator.nextjs;

import dev.sandboxorchestrator.core.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: converts corpus cases (all, or those named as arguments; an argument that is a folder is converted
 * as is) and builds each with the real {@code next build}, then prints a pass/fail table. Projects are kept in
 * {@code target/corpus-build/<case>} for inspection. Run (from the repository root):
 * <pre>{@code
 * ./mvnw -q -o -pl nextjs-converter test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp nextjs-converter/target/test-classes:nextjs-converter/target/classes:$(cat nextjs-converter/target/cp.txt) \
 *     dev.sandboxorchestrator.nextjs.CorpusBuildCheck [case ...]
 * }</pre>
 */
public final class CorpusBuildCheck {
    private CorpusBuildCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Corpus.dir().orElseThrow(() -> new IllegalStateException("corpus not found; set -Dcorpus.dir"));
        List<String> names = args.length > 0 ? List.of(args) : Corpus.cases(corpus);
        Path outRoot = Path.of(System.getProperty("corpus.out", "nextjs-converter/target/corpus-build")).toAbsolutePath();
        List<String> rows = new ArrayList<>();
        int passed = 0;
        for (String name : names) {
            Path input = Files.isDirectory(Path.of(name)) ? Path.of(name) : corpus.resolve(name);
            String label = input.getFileName().toString().equals("input") ? input.getParent().getFileName().toString() : input.getFileName().toString();
            Path dir = outRoot.resolve(label);
            deleteTree(dir);
            long start = System.nanoTime();
            String result;
            try {
                Project project = new NextJsProjectConverter().convert(input);
                NextBuilds.Run build = NextBuilds.writeAndBuild(project, dir);
                result = build.ok() ? "PASS" : "FAIL\n" + indent(errorLines(build.output()));
                passed += build.ok() ? 1 : 0;
            } catch (RuntimeException e) {
                result = "ERROR " + e;
            }
            String row = String.format("| %-28s | %s | %5.1f s |", input.getFileName(), result.lines().findFirst().orElse(""),
                    (System.nanoTime() - start) / 1e9);
            System.out.println(row + (result.contains("\n") ? "\n" + result.substring(result.indexOf('\n') + 1) : ""));
            rows.add(row);
        }
        System.out.println("\n| case | result | time |\n|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println("\n" + passed + "/" + names.size() + " built");
    }

    private static String errorLines(String output) {
        List<String> lines = output.lines().filter(line -> line.contains("Error") || line.contains("error") || line.matches("\\./.*|\\d+:\\d+ .*"))
                .limit(30).toList();
        return String.join("\n", lines.isEmpty() ? output.lines().skip(Math.max(0, output.lines().count() - 30)).toList() : lines);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
