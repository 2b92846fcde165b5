package dev.sandboxorchestrator.examples.cli;

import dev.sandboxorchestrator.core.ConversionReport;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.InputLimits;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Project;
import dev.sandboxorchestrator.nextjs.NextJsProjectConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code convert}: only the converter, writing the Next.js project into a folder. */
final class ConvertCommand implements Command {
    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "convert HTML/CSS/JS or Next.js files into a Next.js project folder";
    }

    @Override
    public String help() {
        return """
                Usage: ./sandbox convert INPUT_DIR OUTPUT_DIR

                Converts the files in INPUT_DIR (an HTML page with its CSS, scripts and assets, or Next.js files)
                into a Next.js App Router project in OUTPUT_DIR, which must not exist or be empty, and prints what
                the converter changed, dropped or could not map. Build it with: cd OUTPUT_DIR && npm install && npm run build
                """;
    }

    @Override
    public int run(Args args, Context context) throws Exception {
        args.allowOnly(Set.of());
        Path input = Path.of(args.required(0, "INPUT_DIR"));
        Path output = Path.of(args.required(1, "OUTPUT_DIR"));
        if (Files.exists(output) && (!Files.isDirectory(output) || Files.list(output).findAny().isPresent())) {
            throw new InvalidInputException("OUTPUT_DIR", output + " exists and is not an empty folder");
        }
        GeneratedCode code = GeneratedCode.fromDirectory(input);
        InputLimits.DEFAULT.check(code);
        Project project = new NextJsProjectConverter().convert(code);
        ProjectFolder.write(project.files(), output);
        for (ConversionReport.Entry entry : project.report().entries()) {
            context.err().println("  " + entry);
        }
        context.out().println("Wrote " + project.files().size() + " files to " + output + " (" + project.report().entries().size()
                + " report entries)");
        return 0;
    }
}
