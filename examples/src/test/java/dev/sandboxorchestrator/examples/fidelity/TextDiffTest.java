package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class TextDiffTest {
    @Test
    void textsThatDifferOnlyInWhitespaceAreIdentical() {
        TextDiff diff = TextDiff.compare("Hello\n\n  world\u00a0!", " Hello world !");
        assertThat(diff.similarity()).isEqualTo(1.0);
        assertThat(diff.snippet()).isEmpty();
    }

    @Test
    void similarityIsOneMinusWordEditDistanceOverTheLongerText() {
        TextDiff diff = TextDiff.compare("a b c d e f g h i j", "a b c X e f g h i");
        assertThat(diff.similarity()).isCloseTo(1.0 - 2.0 / 10, within(1e-9));
    }

    @Test
    void snippetShowsWhereTheTextsFirstDiffer() {
        TextDiff diff = TextDiff.compare("one two three four five six seven", "one two three four FIVE six seven");
        assertThat(diff.snippet()).isEqualTo("one two three four | \"five six seven\" → \"FIVE six seven\"");
    }

    @Test
    void aMissingTextHasSimilarityZero() {
        assertThat(TextDiff.compare("some visible text", "").similarity()).isZero();
        assertThat(TextDiff.compare("", "").similarity()).isEqualTo(1.0);
    }

    @Test
    void hugeDifferencesUseTheMultisetBoundAndStayFast() {
        String a = String.join(" ", Collections.nCopies(9000, "alpha beta"));
        String b = String.join(" ", Collections.nCopies(9000, "beta gamma"));
        TextDiff diff = TextDiff.compare(a, b);
        assertThat(diff.similarity()).isCloseTo(0.5, within(1e-9));
    }
}
