package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sandboxorchestrator.core.TokenUsage;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An answer of the Messages API, streamed or not.
 *
 * @param stopReason  {@code end_turn}, {@code tool_use}, {@code max_tokens}, {@code refusal}, {@code pause_turn}, …
 *                    (an open set), or null when the stream never said
 * @param stopDetails the {@code stop_details} object (e.g. a refusal's category), or a missing node
 */
public record Message(String id, String model, List<ContentBlock> content, String stopReason, JsonNode stopDetails,
        TokenUsage usage) {

    public Message {
        content = List.copyOf(content);
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    public List<ContentBlock> toolUses() {
        return content.stream().filter(ContentBlock::isToolUse).toList();
    }

    /** All text blocks, joined. */
    public String text() {
        return content.stream().filter(ContentBlock::isText).map(ContentBlock::text).collect(Collectors.joining("\n"));
    }

    /** The content as it is sent back as an assistant turn. */
    public ArrayNode rawContent() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        content.forEach(block -> array.add(block.raw()));
        return array;
    }
}
