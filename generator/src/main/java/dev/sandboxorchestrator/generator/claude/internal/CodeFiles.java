package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.FileContent;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Between {@link GeneratedCode} and the text maps the conversation works on. Stateless. Not API. */
public final class CodeFiles {
    private CodeFiles() {
    }

    /** The format recorded in the metadata, else the one the paths suggest. */
    public static GenerationRequest.Format formatOf(GeneratedCode code) {
        String declared = code.metadata().get("format");
        if (declared != null) {
            return declared.equalsIgnoreCase("html") ? GenerationRequest.Format.HTML : GenerationRequest.Format.NEXTJS;
        }
        boolean next = code.files().keySet().stream().anyMatch(path -> path.matches("(.*/)?(page|layout)\\.(tsx|jsx|ts|js)"));
        boolean html = code.files().keySet().stream().anyMatch(path -> path.endsWith(".html") || path.endsWith(".htm"));
        return html && !next ? GenerationRequest.Format.HTML : GenerationRequest.Format.NEXTJS;
    }

    public static Map<String, String> textFiles(GeneratedCode code) {
        Map<String, String> texts = new LinkedHashMap<>();
        code.files().forEach((path, content) -> {
            if (content.isText()) {
                texts.put(path, content.asString());
            }
        });
        return texts;
    }

    public static List<String> binaryFiles(GeneratedCode code) {
        List<String> binary = new ArrayList<>();
        code.files().forEach((path, content) -> {
            if (!content.isText()) {
                binary.add(path);
            }
        });
        return binary;
    }

    /** The files that are new or whose content differs from {@code current}'s. */
    public static Map<String, String> changed(GeneratedCode current, Map<String, String> files) {
        Map<String, String> changed = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            FileContent before = current.files().get(path);
            if (before == null || !before.isText() || !text.equals(before.asString())) {
                changed.put(path, text);
            }
        });
        return changed;
    }

    /** The code to hand back: these files, the outcome's title, description, dependencies and tokens, and the metadata. */
    public static GeneratedCode code(Outcome outcome, Map<String, String> files, GenerationRequest.Format format, String generator,
            String costUsd) {
        Map<String, FileContent> contents = new LinkedHashMap<>();
        files.forEach((path, text) -> contents.put(path, FileContent.text(text)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("generator", generator);
        metadata.put("model", outcome.model());
        metadata.put("format", format.name().toLowerCase(Locale.ROOT));
        if (outcome.fallback()) {
            metadata.put("fallback", "fenced-blocks");
        }
        if (outcome.continuations() > 0) {
            metadata.put("continuations", String.valueOf(outcome.continuations()));
        }
        if (costUsd != null) {
            metadata.put("costUsd", costUsd);
        }
        TokenUsage usage = outcome.usage();
        return new GeneratedCode(contents, outcome.title(), outcome.description(), outcome.dependencies(), metadata, usage);
    }

    /** "; its answer began: …" with the start of the model's last text, or nothing. */
    public static String textHint(Outcome outcome) {
        String text = Json.excerpt(outcome.lastText(), 200);
        return text.isEmpty() ? "" : "; its answer began: \"" + text + "\"";
    }
}
