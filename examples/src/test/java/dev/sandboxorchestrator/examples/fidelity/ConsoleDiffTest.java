package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleDiffTest {
    @Test
    void remoteLoadFailuresInBothPagesAreNotNew() {
        String failed = "https://cdn.example.com/lib.js - Failed to load resource: net::ERR_NAME_NOT_RESOLVED";
        assertThat(ConsoleDiff.newErrors(List.of(failed), List.of(failed))).isEmpty();
    }

    @Test
    void scriptLocationAndLocalPortDoNotMatter() {
        List<String> original = List.of("http://127.0.0.1:41000/js/app.js 12:5 \"boom\"",
                "http://127.0.0.1:41000/missing.png - Failed to load resource: the server responded with a status of 404 (Not Found)");
        List<String> converted = List.of("http://127.0.0.1:3000/_next/static/chunks/app/page-1a2b.js 1:9876 \"boom\"",
                "http://127.0.0.1:3000/missing.png - Failed to load resource: the server responded with a status of 404 (Not Found)");
        assertThat(ConsoleDiff.newErrors(original, converted)).isEmpty();
    }

    @Test
    void errorsOnlyTheConvertedPageHasAreNewCountedAsAMultiset() {
        String boom = "http://127.0.0.1:1/a.js 1:1 \"boom\"";
        String hydration = "http://127.0.0.1:2/_next/x.js 1:2 Uncaught Error: Hydration failed";
        assertThat(ConsoleDiff.newErrors(List.of(boom), List.of(boom, boom, hydration)))
                .containsExactly(boom, hydration);
    }

    @Test
    void theSameErrorUncaughtOrCaughtWithItsStackMatches() {
        String uncaught = "http://127.0.0.1:39583/js/scripts.js 34:8 Uncaught ReferenceError: bootstrap is not defined";
        String caught = "http://127.0.0.1:36879/_next/static/chunks/app/page-9dc7.js 0:435 ReferenceError: bootstrap is not defined\n"
                + "    at http://127.0.0.1:36879/js/scripts.js:35:9";
        assertThat(ConsoleDiff.newErrors(List.of(uncaught), List.of(caught))).isEmpty();
    }

    @Test
    void theBrowsersFaviconRequestIsIgnored() {
        String favicon = "http://127.0.0.1:33913/favicon.ico - Failed to load resource: the server responded with a status of 404 (Not Found)";
        assertThat(ConsoleDiff.newErrors(List.of(), List.of(favicon))).isEmpty();
        String declared = "http://127.0.0.1:33913/img/icon.png - Failed to load resource: the server responded with a status of 404 (Not Found)";
        assertThat(ConsoleDiff.newErrors(List.of(), List.of(declared))).containsExactly(declared);
    }
}
