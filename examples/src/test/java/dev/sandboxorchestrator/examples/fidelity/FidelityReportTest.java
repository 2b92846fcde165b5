package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityReportTest {
    private static CaseResult ok(String name, double first, double full, double text, String interaction) {
        return new CaseResult(name, "ok", "20 s", first, full, text, "", List.of(), interaction, "");
    }

    @Test
    void quantileUsesTheNearestRank() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(FidelityReport.quantile(values, 0.9)).isEqualTo(9.0);
        assertThat(FidelityReport.quantile(values, 0.5)).isEqualTo(5.0);
        assertThat(FidelityReport.quantile(List.of(), 0.9)).isZero();
    }

    @Test
    void allTargetsMetWhenEveryCaseIsFaithful() {
        FidelityReport report = new FidelityReport(List.of(ok("a", 0.1, 0.5, 1.0, "same"), ok("b", 0.0, 0.0, 0.995, "n/a")));
        assertThat(report.targetsMet()).isTrue();
        assertThat(report.summary()).startsWith("2 cases: build 2/2 ✓ | first screen median 0.00% p90 0.10% ✓")
                .contains("interactions same 1/1 ✓");
    }

    @Test
    void aFailedBuildCountsAsFullyDifferentAndFailsTheTargets() {
        FidelityReport report = new FidelityReport(List.of(ok("a", 0.0, 0.0, 1.0, "n/a"),
                CaseResult.failed("b", "build failed", "Type error: x")));
        assertThat(report.targetsMet()).isFalse();
        assertThat(report.summary()).contains("build 1/2 ✗").contains("first screen median 0.00% p90 100.00% ✗")
                .contains("text ≥0.99 1/2 (min 0.000) ✗");
        assertThat(report.table()).contains("build failed").contains("b ");
    }

    @Test
    void aDifferentInteractionOrNewConsoleErrorFailsTheTargets() {
        CaseResult noisy = new CaseResult("c", "ok", "", 0.0, 0.0, 1.0, "", List.of("boom"), "different", "click button");
        FidelityReport report = new FidelityReport(List.of(noisy));
        assertThat(report.targetsMet()).isFalse();
        assertThat(report.summary()).contains("new console errors in 1 ✗").contains("interactions same 0/1 ✗");
        assertThat(report.markdown()).contains("- new console error: `boom`").contains("- interaction (different): click button");
        assertThat(report.json()).contains("\"newConsoleErrors\" : [ \"boom\" ]");
    }
}
