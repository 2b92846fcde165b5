package dev.sandboxorchestrator.generator.claude.internal;

import dev.sandboxorchestrator.core.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of a Claude generator, validated by its builder. Immutable; its {@code toString} shows
 * the key only as {@link Secret} does. Not API.
 *
 * @param baseUrl             where the Messages API is, without {@code /v1/messages}
 * @param apiKey              sent as {@code x-api-key}
 * @param model               the model id
 * @param maxTokens           {@code max_tokens} of every call
 * @param streaming           whether calls use server-sent events
 * @param forceToolUse        whether {@code tool_choice} names the tool (older models only)
 * @param jsonSchemaOutput    whether to ask for {@code output_config.format} instead of a tool
 * @param betas               {@code anthropic-beta} values
 * @param requestTimeout      per attempt: until the response headers (streaming) or the whole response
 * @param idleTimeout         streaming: the longest silence tolerated mid-stream
 * @param maxContinuations    extra calls after an answer was cut off at {@code max_tokens}
 * @param editThresholdLines  files longer than this are to be changed with edits, not rewritten
 * @param allowedDependencies npm packages the code may import without declaring them
 */
public record Settings(URI baseUrl, Secret apiKey, String model, int maxTokens, boolean streaming, boolean forceToolUse,
        boolean jsonSchemaOutput, List<String> betas, Duration requestTimeout, Duration idleTimeout, int maxContinuations,
        int editThresholdLines, Set<String> allowedDependencies) {

    public Settings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(model, "model");
        betas = List.copyOf(betas);
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        allowedDependencies = Set.copyOf(allowedDependencies);
    }
}
