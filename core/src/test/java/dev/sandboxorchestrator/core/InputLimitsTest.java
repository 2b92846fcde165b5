package dev.sandboxorchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InputLimitsTest {
    private final InputLimits limits = InputLimits.DEFAULT;

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
        "../etc/passwd          | path escapes the project ('..')",
        "app/../../x.txt        | path escapes the project ('..')",
        "/etc/passwd            | path must be relative to the project, not absolute",
        "C:/Windows/x           | path must be relative to the project, not absolute",
        "~/x                    | path must be relative to the project, not absolute",
        "app\\page.tsx          | path must use forward slashes",
        "app//page.tsx          | path is not normalised (empty or '.' segment)",
        "./page.tsx             | path is not normalised (empty or '.' segment)",
        "app/                   | path is not normalised (empty or '.' segment)",
        "node_modules/x/index.js| path is inside node_modules/, which the sandbox manages itself",
        ".git/config            | path is inside .git/, which the sandbox manages itself",
    })
    void checkPathRejectsUnsafePathsAndNamesThem(String path, String reason) {
        assertThatThrownBy(() -> limits.checkPath(path))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(path + ": " + reason)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(path);
    }

    @Test
    void checkPathRejectsNulAndControlCharacters() {
        assertThatThrownBy(() -> limits.checkPath("a\0b.txt")).hasMessage("a\\0b.txt: path contains a NUL character");
        assertThatThrownBy(() -> limits.checkPath("a\nb.txt")).hasMessageEndingWith("path contains a control character");
    }

    @Test
    void checkPathRejectsOverlongPaths() {
        String path = "a/".repeat(200) + "x.txt";
        assertThatThrownBy(() -> limits.checkPath(path)).hasMessageContaining("path is 405 characters, over the limit of 255");
    }

    @Test
    void checkAcceptsOrdinaryProjectPaths() {
        GeneratedCode code = GeneratedCode.of(Map.of("app/page.tsx", "x", "public/img/logo.svg", "<svg/>", "über/straße.html", "ok",
                ".eslintrc.json", "{}"));
        limits.check(code);
        assertThat(code.files()).hasSize(4);
    }

    @Test
    void checkRejectsEmptyCode() {
        assertThatThrownBy(() -> limits.check(GeneratedCode.of(Map.of())))
                .hasMessage("generatedCode: must contain at least one file");
    }

    @Test
    void checkRejectsTooManyFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            files.put("f" + i + ".txt", "x");
        }
        assertThatThrownBy(() -> new InputLimits(3, 1000, 1000, 100).check(GeneratedCode.of(files)))
                .hasMessage("generatedCode: 4 files exceed the limit of 3");
    }

    @Test
    void checkNamesTheFileThatBreaksTheSizeLimits() {
        InputLimits small = new InputLimits(10, 10, 6, 100);
        assertThatThrownBy(() -> small.check(GeneratedCode.of(Map.of("big.txt", "1234567"))))
                .hasMessage("big.txt: 7 bytes exceed the per-file limit of 6");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.txt", "123456");
        files.put("b.txt", "123456");
        assertThatThrownBy(() -> small.check(GeneratedCode.of(files)))
                .hasMessage("b.txt: the files up to this one total 12 bytes, over the limit of 10");
    }

    @Test
    void checkRejectsPathsThatDifferOnlyInCase() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Page.tsx", "a");
        files.put("page.tsx", "b");
        assertThatThrownBy(() -> limits.check(GeneratedCode.of(files))).hasMessage("page.tsx: is given twice (paths differ only in case)");
    }

    @Test
    void checkRejectsTextThatIsNotText() {
        GeneratedCode invalidUtf8 = new GeneratedCode(Map.of("x.txt", FileContent.bytes(new byte[] {(byte) 0xff})), null, null, null, null, null);
        limits.check(invalidUtf8); // declared as bytes: fine
        GeneratedCode nul = GeneratedCode.of(Map.of("x.txt", "a\0b"));
        assertThatThrownBy(() -> limits.check(nul)).hasMessage("x.txt: declared as text but contains a NUL character");
    }
}
