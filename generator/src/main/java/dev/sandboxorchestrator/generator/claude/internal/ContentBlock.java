package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One content block of an answer.
 *
 * @param type        {@code text}, {@code tool_use}, {@code thinking}, … (unknown types are kept)
 * @param id          a tool call's id, else null
 * @param name        a tool call's tool name, else null
 * @param text        the text of a text block, else null
 * @param partialJson a tool call's input as it arrived (possibly cut off)
 * @param input       a tool call's parsed input, or null when it is incomplete or not valid JSON
 * @param inputError  why {@code input} is null, for a tool call
 * @param complete    whether the block was closed ({@code content_block_stop}, or a non-streamed answer)
 * @param raw         the block as it is sent back in a later turn
 */
public record ContentBlock(String type, String id, String name, String text, String partialJson, JsonNode input,
        String inputError, boolean complete, ObjectNode raw) {

    public boolean isToolUse() {
        return "tool_use".equals(type);
    }

    public boolean isText() {
        return "text".equals(type);
    }
}
