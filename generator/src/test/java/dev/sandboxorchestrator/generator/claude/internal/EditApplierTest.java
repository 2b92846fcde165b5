package dev.sandboxorchestrator.generator.claude.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditApplierTest {
    private static final Map<String, String> BASE = Map.of(
            "app/page.tsx", "const a = 1;\nconst b = 2;\nconst c = 1;\n",
            "app/win.tsx", "line one\r\nline two\r\n");

    private static AppPayload.Edit edit(String path, String old, String replacement) {
        return new AppPayload.Edit(path, old, replacement);
    }

    @Test
    void editsApplyInOrderAndReturnTheWholeNewContent() {
        EditApplier.Result result = EditApplier.apply(BASE, List.of(
                edit("app/page.tsx", "const b = 2;", "const b = 3;"),
                edit("app/page.tsx", "const b = 3;\nconst c", "const b = 4;\nconst d")));

        assertThat(result.failures()).isEmpty();
        assertThat(result.files()).containsExactly(Map.entry("app/page.tsx", "const a = 1;\nconst b = 4;\nconst d = 1;\n"));
    }

    @Test
    void textThatIsNotFoundIsReportedWithTheFileAndTheOthersStillApply() {
        EditApplier.Result result = EditApplier.apply(BASE, List.of(
                edit("app/page.tsx", "const z = 9;", "x"),
                edit("app/page.tsx", "const a = 1;", "const a = 0;")));

        assertThat(result.files().get("app/page.tsx")).startsWith("const a = 0;");
        assertThat(result.failures()).singleElement().hasToString(
                "app/page.tsx: the text to replace was not found in app/page.tsx (it must match the current file exactly, "
                        + "whitespace included): \"const z = 9;\"");
    }

    @Test
    void textThatOccursMoreThanOnceIsRejectedAndSaysHowOften() {
        EditApplier.Result result = EditApplier.apply(BASE, List.of(edit("app/page.tsx", "= 1;", "= 5;")));

        assertThat(result.files()).isEmpty();
        assertThat(result.failures()).singleElement().extracting(EditApplier.Failure::reason).asString()
                .startsWith("the text to replace occurs 2 times in app/page.tsx; include more of the surrounding lines");
    }

    @Test
    void editsOfMissingFilesAndEmptyTextAreRejected() {
        EditApplier.Result result = EditApplier.apply(BASE, List.of(edit("app/nope.tsx", "a", "b"), edit("app/page.tsx", "", "b")));

        assertThat(result.failures()).extracting(EditApplier.Failure::reason).containsExactly(
                "there is no file app/nope.tsx to edit; send a new file whole in \"files\"",
                "the text to replace is empty; quote the lines to change");
    }

    @Test
    void lfTextMatchesAFileWithCrlfLineEnds() {
        EditApplier.Result result = EditApplier.apply(BASE, List.of(edit("app/win.tsx", "line one\nline two", "line 1\nline 2")));

        assertThat(result.failures()).isEmpty();
        assertThat(result.files().get("app/win.tsx")).isEqualTo("line 1\r\nline 2\r\n");
    }
}
