package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.Phase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One job for the model.
 *
 * @param phase    the pipeline phase its events belong to (generate, repair, refine)
 * @param format   the kind of code
 * @param userText the first user message
 * @param tool     the tool that answers it
 * @param current  the text files that exist (edits apply to them); empty when generating
 */
public record Task(Phase phase, GenerationRequest.Format format, String userText, String tool, Map<String, String> current) {
    public Task {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(userText, "userText");
        Objects.requireNonNull(tool, "tool");
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
    }

    public static Task generate(GenerationRequest request) {
        return new Task(Phase.GENERATE, request.format(), Prompts.generate(request.prompt(), ToolSchemas.WRITE_APP),
                ToolSchemas.WRITE_APP, Map.of());
    }

    public static Task repair(GenerationRequest.Format format, Map<String, String> files, java.util.Collection<String> binaryFiles,
            dev.sandboxorchestrator.core.BuildFailure failure) {
        return new Task(Phase.REPAIR, format, Prompts.repair(files, binaryFiles, failure), ToolSchemas.APPLY_CHANGES, files);
    }

    public static Task refine(GenerationRequest.Format format, Map<String, String> files, java.util.Collection<String> binaryFiles,
            String request) {
        return new Task(Phase.REFINE, format, Prompts.refine(files, binaryFiles, request), ToolSchemas.APPLY_CHANGES, files);
    }
}
