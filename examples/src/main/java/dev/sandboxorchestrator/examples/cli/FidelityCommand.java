package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.examples.fidelity.Fidelity;
import dev.sandboxorchestrator.examples.fidelity.FidelityReport;
import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** {@code fidelity}: measures the HTML → Next.js converter on a corpus of pages (a benchmark, not a test). */
final class FidelityCommand implements Command {
    @Override
    public String name() {
        return "fidelity";
    }

    @Override
    public String summary() {
        return "measure how faithfully HTML pages convert (screenshots, text, console, interaction)";
    }

    @Override
    public String help() {
        return """
                Usage: ./sandbox fidelity CORPUS_DIR [--cases a,b,c] [--out DIR] [--report PATH]

                For each case (a folder of CORPUS_DIR with an index.html): serves the original page on 127.0.0.1,
                converts it to Next.js and runs it on this machine (npm install from a shared cache, next build,
                next start), and compares both in headless Chromium at 1280x800. Prints per case: build, first-screen
                and full-page pixel difference (%), visible-text similarity, new console errors, and whether a generic
                interaction (type into the first field, click the first control) changes both pages the same way;
                then a summary line against the targets (all build; p90 first screen <= 1 %, full page <= 2 %;
                text >= 0.99; no new console errors; interactions same).

                Options:
                  --cases a,b,c   only these cases
                  --out DIR       screenshots, diff images, texts and converted projects (default: fidelity-out)
                  --report PATH   also write the report: JSON when PATH ends in .json, Markdown otherwise
                Exit status: 0 when every target is met, 1 otherwise.
                """;
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        args.allowOnly(Set.of("cases", "out", "report"));
        Fidelity.Builder builder = Fidelity.builder()
                .corpus(Path.of(args.required(0, "CORPUS_DIR")))
                .converter(new NextJsProjectConverter())
                .out(Path.of(args.option("out").orElse(Fidelity.Builder.DEFAULT_OUT)))
                .progress(context.err()::println);
        args.option("cases").ifPresent(list -> builder.cases(names(list)));
        FidelityReport report = builder.build().run();
        context.out().print(report.table());
        context.out().println(report.summary());
        if (args.option("report").isPresent()) {
            Path path = Path.of(args.option("report").get());
            Files.writeString(path, path.toString().endsWith(".json") ? report.json() : report.markdown(), StandardCharsets.UTF_8);
            context.err().println("Report written to " + path);
        }
        return report.targetsMet() ? 0 : 1;
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
