package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.TokenUsage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a conversation produced: the files the model wrote or changed (edits already applied, full content), the
 * title, description and dependencies it gave, the tokens of all calls, and how it went.
 *
 * @param model         the model that answered (the dated id when an alias was asked for)
 * @param fallback      whether files were taken from fenced blocks in prose
 * @param continuations calls made to continue an answer cut off at {@code max_tokens}
 * @param lastText      the text of the last answer, for messages
 */
public record Outcome(Map<String, String> files, String title, String description, Map<String, String> dependencies,
        TokenUsage usage, String model, boolean fallback, int continuations, String stopReason, String lastText) {
    public Outcome {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
    }
}
