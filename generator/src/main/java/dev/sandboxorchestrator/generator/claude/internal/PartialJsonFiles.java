package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows a tool input while its JSON arrives in chunks ({@code input_json_delta}) and says which file is
 * arriving: an item of the top-level {@code files} or {@code edits} array has started once its {@code path} is
 * read, and has finished when its object closes. It also keeps every item and top-level string that arrived
 * complete, so that an answer cut off at {@code max_tokens} loses only the item that was being written.
 * Chunks may split anything, escapes included. Not thread-safe: one per content block. Not API.
 *
 * <pre>{@code {"title":"…","files":[{"path":"app/page.tsx","content":"…"}, …],"edits":[…],"dependencies":[…]}}</pre>
 */
final class PartialJsonFiles {
    /** Told when an item of {@code files} ({@code kind} "file") or {@code edits} ("edit") starts and finishes. */
    interface Listener {
        void started(String kind, String path);

        void finished(String kind, String path);
    }

    private static final Map<String, String> KINDS = Map.of("files", "file", "edits", "edit");

    private final Listener listener;
    private final StringBuilder buffer = new StringBuilder();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final ObjectNode complete = Json.object();
    private boolean inString;
    private boolean escaped;
    private boolean stringIsKey;
    private int stringStart;

    PartialJsonFiles(Listener listener) {
        this.listener = listener;
    }

    void feed(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            buffer.append(c);
            step(c, buffer.length() - 1);
        }
    }

    /** What arrived complete: top-level strings, and the complete items of top-level arrays. */
    ObjectNode completeParts() {
        return complete.deepCopy();
    }

    /** The path of the item being written when the input ended, or null. */
    String inProgress() {
        return stack.size() == 3 ? stack.peek().path : null;
    }

    private void step(char c, int position) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                stringEnded(position);
            }
            return;
        }
        Frame top = stack.peek();
        switch (c) {
            case '"' -> {
                inString = true;
                stringStart = position;
                stringIsKey = top != null && top.object && top.expectKey;
            }
            case '{', '[' -> stack.push(new Frame(c == '{', position, top == null ? null : top.key));
            case '}', ']' -> {
                if (top != null) {
                    stack.pop();
                    containerEnded(top, position);
                }
            }
            case ':' -> {
                if (top != null && top.object) {
                    top.expectKey = false;
                }
            }
            case ',' -> {
                if (top != null && top.object) {
                    top.expectKey = true;
                }
            }
            default -> {
                // whitespace, numbers, true/false/null: nothing to follow
            }
        }
    }

    private void stringEnded(int end) {
        Frame top = stack.peek();
        if (top == null) {
            return;
        }
        String value = decode(buffer.substring(stringStart + 1, end));
        if (stringIsKey) {
            top.key = value;
            return;
        }
        if (stack.size() == 1 && top.key != null) {
            complete.put(top.key, value);
        } else if (stack.size() == 3 && top.object && "path".equals(top.key) && top.path == null) {
            top.path = value;
            String kind = kind();
            if (kind != null) {
                listener.started(kind, value);
            }
        }
    }

    private void containerEnded(Frame frame, int end) {
        if (stack.size() != 2 || !frame.object) {
            return;
        }
        String arrayKey = stack.peek().parentKey;
        if (arrayKey == null) {
            return;
        }
        try {
            JsonNode item = Json.MAPPER.readTree(buffer.substring(frame.start, end + 1));
            JsonNode existing = complete.get(arrayKey);
            ArrayNode items = existing instanceof ArrayNode array ? array : complete.putArray(arrayKey);
            items.add(item);
        } catch (IOException notJson) {
            return;
        }
        String kind = KINDS.get(arrayKey);
        if (kind != null && frame.path != null) {
            listener.finished(kind, frame.path);
        }
    }

    private String kind() {
        Frame item = stack.pop();
        String arrayKey = stack.peek().parentKey;
        stack.push(item);
        return arrayKey == null ? null : KINDS.get(arrayKey);
    }

    private static String decode(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        try {
            return Json.MAPPER.readValue("\"" + raw + "\"", String.class);
        } catch (IOException e) {
            return raw;
        }
    }

    /** An object or array being read. */
    private static final class Frame {
        final boolean object;
        final int start;
        final String parentKey;
        boolean expectKey;
        String key;
        String path;

        Frame(boolean object, int start, String parentKey) {
            this.object = object;
            this.start = start;
            this.parentKey = parentKey;
            this.expectKey = object;
        }
    }
}
