package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sandboxorchestrator.core.TokenUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link Message} from the events of a stream, as the contract says: text and tool-input chunks are
 * joined per block index and a tool input is parsed once, when its block stops; {@code message_delta} usage is
 * cumulative; {@code ping} and unknown events are ignored; an {@code error} event fails the stream. Blocks left
 * open when the message ends (an answer cut off at {@code max_tokens}) are kept as incomplete. One per stream. Not API.
 */
final class MessageAssembler {
    private final BlockListener listener;
    private final Map<Integer, BlockState> blocks = new TreeMap<>();
    private final long[] usage = new long[4];
    private String id;
    private String model;
    private String stopReason;
    private JsonNode stopDetails = MissingNode.getInstance();
    private boolean stopped;

    MessageAssembler(BlockListener listener) {
        this.listener = listener;
    }

    /** Takes one event; returns false once the message is complete. */
    boolean accept(SseParser.Event event) {
        JsonNode data = parse(event);
        String type = event.name().equals("message") ? Json.text(data, "type") : event.name();
        switch (type == null ? "" : type) {
            case "message_start" -> start(data.path("message"));
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "content_block_stop" -> blockStop(data.path("index").asInt());
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> stopped = true;
            case "error" -> throw new StreamProblem(Json.text(data.path("error"), "type"), "error event in the stream: "
                    + java.util.Objects.requireNonNullElse(Json.text(data.path("error"), "message"), data.toString()), null);
            default -> {
                // ping, and event types added after this client was written
            }
        }
        return !stopped;
    }

    /** The message; fails when the stream ended before {@code message_stop}. */
    Message finish() {
        if (!stopped) {
            throw new StreamProblem(null, id == null ? "the event stream ended before message_start"
                    : "the event stream ended before message_stop", null);
        }
        List<ContentBlock> content = new ArrayList<>();
        blocks.values().forEach(block -> content.add(block.toBlock()));
        return new Message(id, model, content, stopReason, stopDetails, tokens());
    }

    /** A non-streamed answer, told to {@code listener} as if it had streamed, so progress is reported alike. */
    static Message fromJson(JsonNode root, BlockListener listener) {
        MessageAssembler assembler = new MessageAssembler(listener);
        assembler.start(root);
        int index = 0;
        for (JsonNode block : root.path("content")) {
            ObjectNode start = block.deepCopy();
            if (block.has("input")) {
                start.remove("input");
            }
            assembler.blockStart(Json.object().put("index", index).set("content_block", start));
            if (block.has("input")) {
                assembler.block(index).append("input_json_delta", block.get("input").toString(), index, listener);
            } else if (block.has("text")) {
                assembler.blocks.get(index).text.setLength(0);
                assembler.block(index).append("text_delta", block.get("text").asText(), index, listener);
            }
            assembler.blockStop(index);
            index++;
        }
        assembler.stopReason = Json.text(root, "stop_reason");
        assembler.stopDetails = root.path("stop_details");
        assembler.stopped = true;
        return assembler.finish();
    }

    private static JsonNode parse(SseParser.Event event) {
        try {
            JsonNode data = Json.MAPPER.readTree(event.data());
            if (data == null || !data.isObject()) {
                throw new StreamProblem(null, "malformed event data in the stream (" + event.name() + "): not a JSON object", null);
            }
            return data;
        } catch (IOException e) {
            throw new StreamProblem(null, "malformed event data in the stream (" + event.name() + "): "
                    + Json.excerpt(event.data(), 120), e);
        }
    }

    private void start(JsonNode message) {
        id = Json.text(message, "id");
        model = Json.text(message, "model");
        readUsage(message.path("usage"));
    }

    private void blockStart(JsonNode data) {
        int index = data.path("index").asInt();
        JsonNode block = data.path("content_block");
        BlockState state = new BlockState(block.isObject() ? (ObjectNode) block.deepCopy() : Json.object());
        blocks.put(index, state);
        listener.blockStarted(index, state.type(), Json.text(block, "name"));
    }

    private void blockDelta(JsonNode data) {
        int index = data.path("index").asInt();
        JsonNode delta = data.path("delta");
        String type = Json.text(delta, "type");
        String value = switch (type == null ? "" : type) {
            case "text_delta" -> Json.text(delta, "text");
            case "input_json_delta" -> Json.text(delta, "partial_json");
            case "thinking_delta" -> Json.text(delta, "thinking");
            case "signature_delta" -> Json.text(delta, "signature");
            default -> null;
        };
        if (value != null) {
            block(index).append(type, value, index, listener);
        }
    }

    private void blockStop(int index) {
        block(index).stopped = true;
        listener.blockStopped(index);
    }

    private void messageDelta(JsonNode data) {
        JsonNode delta = data.path("delta");
        String reason = Json.text(delta, "stop_reason");
        if (reason != null) {
            stopReason = reason;
        }
        if (delta.hasNonNull("stop_details")) {
            stopDetails = delta.get("stop_details");
        }
        readUsage(data.path("usage"));
    }

    private BlockState block(int index) {
        BlockState state = blocks.get(index);
        if (state == null) {
            throw new StreamProblem(null, "the stream sent content for block " + index + " before content_block_start", null);
        }
        return state;
    }

    private void readUsage(JsonNode node) {
        String[] fields = {"input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"};
        for (int i = 0; i < fields.length; i++) {
            if (node.path(fields[i]).canConvertToLong() && node.path(fields[i]).isNumber()) {
                usage[i] = Math.max(0, node.get(fields[i]).asLong());
            }
        }
    }

    private TokenUsage tokens() {
        return new TokenUsage(usage[0], usage[1], usage[2], usage[3]);
    }

    /** One block while it arrives. */
    private static final class BlockState {
        private final ObjectNode start;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder json = new StringBuilder();
        private final StringBuilder signature = new StringBuilder();
        private boolean stopped;

        BlockState(ObjectNode start) {
            this.start = start;
            String initial = Json.text(start, type().equals("thinking") ? "thinking" : "text");
            if (initial != null) {
                text.append(initial);
            }
        }

        String type() {
            String type = Json.text(start, "type");
            return type == null ? "unknown" : type;
        }

        void append(String deltaType, String value, int index, BlockListener listener) {
            switch (deltaType) {
                case "input_json_delta" -> {
                    json.append(value);
                    listener.jsonDelta(index, value);
                }
                case "signature_delta" -> signature.append(value);
                default -> {
                    text.append(value);
                    if (deltaType.equals("text_delta")) {
                        listener.textDelta(index, value);
                    }
                }
            }
        }

        ContentBlock toBlock() {
            return switch (type()) {
                case "text" -> new ContentBlock("text", null, null, text.toString(), null, null, null, stopped,
                        Json.object().put("type", "text").put("text", text.toString()));
                case "tool_use" -> toolUse();
                case "thinking" -> new ContentBlock("thinking", null, null, text.toString(), null, null, null, stopped,
                        Json.object().put("type", "thinking").put("thinking", text.toString())
                                .put("signature", signature.length() > 0 ? signature.toString() : Json.text(start, "signature")));
                default -> new ContentBlock(type(), Json.text(start, "id"), Json.text(start, "name"), null, null, null, null, stopped, start);
            };
        }

        private ContentBlock toolUse() {
            String id = Json.text(start, "id");
            String name = Json.text(start, "name");
            String partial = json.toString();
            JsonNode input = null;
            String error = null;
            if (!stopped) {
                error = "the tool input was cut off before it was complete";
            } else {
                try {
                    input = partial.isBlank() ? Json.object() : Json.MAPPER.readTree(partial);
                    if (input == null || !input.isObject()) {
                        error = "the tool input is not a JSON object";
                        input = null;
                    }
                } catch (IOException e) {
                    error = "the tool input is not valid JSON (" + Json.excerpt(e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage(), 160) + ")";
                }
            }
            ObjectNode raw = Json.object().put("type", "tool_use").put("id", id).put("name", name);
            raw.set("input", input == null ? Json.object() : input);
            return new ContentBlock("tool_use", id, name, null, partial, input, error, stopped, raw);
        }
    }
}
