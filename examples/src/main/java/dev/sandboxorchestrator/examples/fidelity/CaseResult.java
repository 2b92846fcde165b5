package dev.sandboxorchestrator.examples.fidelity;

import java.util.List;
import java.util.Objects;

/**
 * What the fidelity run measured for one case. Measurements are {@code null} when they could not be taken
 * (the converted app did not build or start).
 *
 * @param name              the case folder's name
 * @param build             {@code "ok"}, or the phase that failed: {@code "convert failed"}, {@code "build failed"},
 *                          {@code "start failed"}, {@code "error"}
 * @param buildDetail       the first line of the failure, or the build time when it built
 * @param firstScreenDiff   differing pixels of the 1280×800 first screen, in percent
 * @param fullPageDiff      differing pixels of the full page, in percent
 * @param textSimilarity    word-level similarity of the visible text, 0 to 1
 * @param textDiff          where the visible texts first differ; empty when identical
 * @param newConsoleErrors  console errors of the converted page that the original does not have
 * @param interaction       {@code "same"}, {@code "different"}, {@code "no change"} (the original did not change),
 *                          {@code "n/a"} (no scripts or nothing to interact with) or {@code "error"}
 * @param interactionDetail what was done and, when different, how it differed
 */
public record CaseResult(String name, String build, String buildDetail, Double firstScreenDiff, Double fullPageDiff,
        Double textSimilarity, String textDiff, List<String> newConsoleErrors, String interaction,
        String interactionDetail) {

    public CaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(build, "build");
        buildDetail = buildDetail == null ? "" : buildDetail;
        textDiff = textDiff == null ? "" : textDiff;
        newConsoleErrors = List.copyOf(newConsoleErrors == null ? List.of() : newConsoleErrors);
        interaction = interaction == null ? "n/a" : interaction;
        interactionDetail = interactionDetail == null ? "" : interactionDetail;
    }

    /** Whether the converted app was built and started. */
    public boolean built() {
        return build.equals("ok");
    }

    static CaseResult failed(String name, String build, String detail) {
        return new CaseResult(name, build, detail, null, null, null, "", List.of(), "n/a", "");
    }
}
