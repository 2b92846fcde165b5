package dev.sandboxorchestrator.examples.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The results of a fidelity run: one {@link CaseResult} per case, a table, a summary line checked against the
 * targets, and JSON/Markdown renderings. In the pixel percentiles a case whose app did not build counts as 100 %
 * different, and its text similarity as 0, so failures cannot improve the numbers. Immutable.
 *
 * <pre>{@code
 * FidelityReport report = fidelity.run();
 * System.out.print(report.table());
 * System.out.println(report.summary());
 * }</pre>
 */
public record FidelityReport(List<CaseResult> cases) {
    /** The targets the converter must meet. */
    public static final double TARGET_FIRST_SCREEN_P90 = 1.0;
    public static final double TARGET_FULL_PAGE_P90 = 2.0;
    public static final double TARGET_TEXT_SIMILARITY = 0.99;

    private static final String ROW = "%-30s %-14s %8s %8s %7s %6s  %-10s%n";

    public FidelityReport {
        cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
    }

    /** One row per case: build, first-screen %, full-page %, text similarity, new console errors, interaction. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, ROW, "case", "build", "first %", "full %",
                "text", "errors", "interaction"));
        for (CaseResult result : cases) {
            text.append(String.format(Locale.ROOT, ROW, result.name(), result.build(), percent(result.firstScreenDiff()),
                    percent(result.fullPageDiff()), ratio(result.textSimilarity()),
                    result.built() ? String.valueOf(result.newConsoleErrors().size()) : "-", result.interaction()));
        }
        return text.toString();
    }

    /** Counts, medians and 90th percentiles, each target marked met (✓) or not (✗). */
    public String summary() {
        Stats s = stats();
        return String.format(Locale.ROOT, "%d cases: build %d/%d %s | first screen median %.2f%% p90 %.2f%% %s"
                        + " | full page median %.2f%% p90 %.2f%% %s | text ≥%.2f %d/%d (min %.3f) %s"
                        + " | new console errors in %d %s | interactions same %d/%d %s %s",
                cases.size(), s.built, cases.size(), mark(s.buildMet()),
                quantile(s.first, 0.5), quantile(s.first, 0.9), mark(s.firstMet()),
                quantile(s.full, 0.5), quantile(s.full, 0.9), mark(s.fullMet()),
                TARGET_TEXT_SIMILARITY, s.textOk(), s.text.size(), s.text.stream().min(Comparator.naturalOrder()).orElse(1.0),
                mark(s.textMet()), s.errors, mark(s.errors == 0), s.same(), s.changed(), mark(s.same() == s.changed()),
                s.interactions);
    }

    /** Whether every target is met. */
    public boolean targetsMet() {
        Stats s = stats();
        return s.buildMet() && s.firstMet() && s.fullMet() && s.textMet() && s.errors == 0 && s.same() == s.changed();
    }

    private Stats stats() {
        Map<String, Long> interactions = new LinkedHashMap<>();
        cases.forEach(r -> interactions.merge(r.interaction(), 1L, Long::sum));
        return new Stats(cases.size(), cases.stream().filter(CaseResult::built).count(),
                values(r -> r.built() ? r.firstScreenDiff() : 100.0), values(r -> r.built() ? r.fullPageDiff() : 100.0),
                values(r -> r.built() ? r.textSimilarity() : 0.0),
                cases.stream().filter(r -> r.built() && !r.newConsoleErrors().isEmpty()).count(), interactions);
    }

    /** The aggregate numbers behind the summary; failed builds count as 100 % different and 0 text similarity. */
    private record Stats(int total, long built, List<Double> first, List<Double> full, List<Double> text, long errors,
            Map<String, Long> interactions) {
        boolean buildMet() {
            return built == total;
        }

        boolean firstMet() {
            return quantile(first, 0.9) <= TARGET_FIRST_SCREEN_P90;
        }

        boolean fullMet() {
            return quantile(full, 0.9) <= TARGET_FULL_PAGE_P90;
        }

        long textOk() {
            return text.stream().filter(s -> s >= TARGET_TEXT_SIMILARITY).count();
        }

        boolean textMet() {
            return textOk() == text.size();
        }

        long same() {
            return interactions.getOrDefault("same", 0L);
        }

        long changed() {
            return same() + interactions.getOrDefault("different", 0L) + interactions.getOrDefault("error", 0L);
        }
    }

    /** The table, the summary and, per case, the details (failures, text differences, new errors, interaction). */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Fidelity report\n\n").append(summary()).append("\n\n")
                .append("| case | build | first screen % | full page % | text similarity | new console errors | interaction |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (CaseResult r : cases) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.name(), r.build(),
                    percent(r.firstScreenDiff()), percent(r.fullPageDiff()), ratio(r.textSimilarity()),
                    r.built() ? r.newConsoleErrors().size() : "-", r.interaction()));
        }
        md.append("\n## Details\n");
        for (CaseResult r : cases) {
            md.append("\n### ").append(r.name()).append("\n\n- build: ").append(r.build()).append(' ').append(r.buildDetail()).append('\n');
            if (!r.textDiff().isEmpty()) {
                md.append("- text: `").append(r.textDiff().replace("`", "'")).append("`\n");
            }
            r.newConsoleErrors().forEach(e -> md.append("- new console error: `").append(e.replace("`", "'")).append("`\n"));
            if (!r.interactionDetail().isEmpty()) {
                md.append("- interaction (").append(r.interaction()).append("): ").append(r.interactionDetail()).append('\n');
            }
        }
        return md.toString();
    }

    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("summary", summary(), "cases", cases));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The q-quantile by the nearest-rank method; 0 for no values. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private List<Double> values(Function<CaseResult, Double> value) {
        return cases.stream().map(value).filter(Objects::nonNull).toList();
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }

    private static String percent(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
