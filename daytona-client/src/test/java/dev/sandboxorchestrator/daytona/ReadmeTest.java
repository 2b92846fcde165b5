package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README shows exactly the examples that {@link ReadmeExamples} compiles. */
class ReadmeTest {
    private static final Pattern BLOCK = Pattern.compile("// README:begin \\w+\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);

    @Test
    void readmeExamplesAreTheOnesThatCompile() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/sandboxorchestrator/daytona/ReadmeExamples.java"));
        String readme = Files.readString(Path.of("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(source);
        while (matcher.find()) {
            blocks.add(unindent(matcher.group(1)));
        }

        assertThat(blocks).hasSize(2).allSatisfy(block -> assertThat(readme).contains(block));
    }

    private static String unindent(String block) {
        int indent = block.lines().filter(line -> !line.isBlank()).mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return String.join("\n", block.lines().map(line -> line.length() >= indent ? line.substring(indent) : line.strip()).toList());
    }
}
