package dev.sandboxorchestrator.generator.claude;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.generator.claude.internal.Json;

/**
 * Writes event streams in the framing of the recorded transcripts (03-streaming-tool-use.sse): data JSON padded
 * with spaces before its last brace, a {@code ping} after the first block start, a first {@code ""} input chunk,
 * cumulative usage in {@code message_delta}. For answers that no recording has (our tools, cut-off answers).
 */
final class SseScript {
    private final StringBuilder out = new StringBuilder();
    private final String model;
    private long input = 1200;
    private long cacheWrite;
    private long cacheRead;
    private int index;
    private boolean pinged;

    private SseScript(String model) {
        this.model = model;
    }

    static SseScript message(String model) {
        return new SseScript(model);
    }

    SseScript usage(long inputTokens, long cacheWriteTokens, long cacheReadTokens) {
        this.input = inputTokens;
        this.cacheWrite = cacheWriteTokens;
        this.cacheRead = cacheReadTokens;
        return this;
    }

    /** A whole tool call whose input arrives in chunks of {@code chunk} characters. */
    SseScript toolUse(String name, String inputJson, int chunk) {
        return toolUseStart(name).jsonChunks(inputJson, chunk).blockStop();
    }

    /** A tool call cut off: its input stops after {@code inputJson}, with no content_block_stop. */
    SseScript toolUseCutOff(String name, String inputJson, int chunk) {
        toolUseStart(name).jsonChunks(inputJson, chunk);
        index++;
        return this;
    }

    SseScript text(String text, int chunk) {
        ensureStart();
        event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        ping();
        for (int at = 0; at < text.length(); at += chunk) {
            ObjectNode delta = Json.object().put("type", "text_delta").put("text", text.substring(at, Math.min(text.length(), at + chunk)));
            event("content_block_delta", blockDelta(delta));
        }
        return blockStop();
    }

    /** Any event, as given (for unknown event types and errors). */
    SseScript event(String name, String json) {
        ensureStart();
        raw(name, json);
        return this;
    }

    /** Moves on to the next block index (after blocks written with {@link #event}). */
    SseScript nextIndex() {
        index++;
        return this;
    }

    /** message_delta with the stop reason and cumulative usage, then message_stop. */
    String end(String stopReason, long outputTokens) {
        return endWithoutStop(stopReason, outputTokens) + frame("message_stop", "{\"type\":\"message_stop\"}");
    }

    /** message_delta only: the stream then ends without message_stop. */
    String endWithoutStop(String stopReason, long outputTokens) {
        ensureStart();
        event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null},"
                + "\"usage\":{\"input_tokens\":" + input + ",\"cache_creation_input_tokens\":" + cacheWrite
                + ",\"cache_read_input_tokens\":" + cacheRead + ",\"output_tokens\":" + outputTokens + "}}");
        return out.toString();
    }

    /** What was written so far: a stream that breaks off here. */
    String cut() {
        return out.toString();
    }

    private SseScript toolUseStart(String name) {
        ensureStart();
        event("content_block_start", "{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_0" + index + "Test\",\"name\":\"" + name + "\",\"input\":{},\"caller\":{\"type\":\"direct\"}}}");
        ping();
        return this;
    }

    private SseScript jsonChunks(String json, int chunk) {
        event("content_block_delta", blockDelta(Json.object().put("type", "input_json_delta").put("partial_json", "")));
        for (int at = 0; at < json.length(); at += chunk) {
            String part = json.substring(at, Math.min(json.length(), at + chunk));
            event("content_block_delta", blockDelta(Json.object().put("type", "input_json_delta").put("partial_json", part)));
        }
        return this;
    }

    private SseScript blockStop() {
        event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
        index++;
        return this;
    }

    private String blockDelta(ObjectNode delta) {
        ObjectNode event = Json.object().put("type", "content_block_delta").put("index", index);
        event.set("delta", delta);
        return event.toString();
    }

    private void ping() {
        if (!pinged) {
            pinged = true;
            raw("ping", "{\"type\": \"ping\"}");
        }
    }

    private void ensureStart() {
        if (out.length() == 0) {
            raw("message_start", "{\"type\":\"message_start\",\"message\":{\"model\":\"" + model + "\",\"id\":\"msg_01Test\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + input
                    + ",\"cache_creation_input_tokens\":" + cacheWrite + ",\"cache_read_input_tokens\":" + cacheRead
                    + ",\"cache_creation\":{\"ephemeral_5m_input_tokens\":" + cacheWrite + ",\"ephemeral_1h_input_tokens\":0},"
                    + "\"output_tokens\":1,\"service_tier\":\"standard\"}}}");
        }
    }

    private void raw(String name, String json) {
        out.append(frame(name, json));
    }

    private static String frame(String name, String json) {
        String padded = json.startsWith("{\"type\": ") ? json : json.substring(0, json.length() - 1) + "     }";
        return "event: " + name + "\ndata: " + padded + "\n\n";
    }
}
