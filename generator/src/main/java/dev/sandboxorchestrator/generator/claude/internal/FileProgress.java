package dev.sandboxorchestrator.generator.claude.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follows the blocks of one answer that carry files (calls of our tools, or the JSON text of a structured-output
 * answer), reports "file started" / "file finished" as they arrive, and keeps what arrived complete. Not
 * thread-safe: one per call. Not API.
 */
final class FileProgress implements BlockListener {
    private final Emitter events;
    private final boolean jsonText;
    private final Map<Integer, PartialJsonFiles> trackers = new TreeMap<>();

    FileProgress(Emitter events, boolean jsonText) {
        this.events = events;
        this.jsonText = jsonText;
    }

    @Override
    public void blockStarted(int index, String type, String name) {
        boolean ours = "tool_use".equals(type) && name != null && ToolSchemas.NAMES.contains(name);
        if (ours || (jsonText && "text".equals(type))) {
            trackers.put(index, new PartialJsonFiles(new PartialJsonFiles.Listener() {
                @Override
                public void started(String kind, String path) {
                    events.progress(kind + " started: " + path);
                }

                @Override
                public void finished(String kind, String path) {
                    events.progress(kind + " finished: " + path);
                }
            }));
        }
    }

    @Override
    public void jsonDelta(int index, String partialJson) {
        PartialJsonFiles tracker = trackers.get(index);
        if (tracker != null) {
            tracker.feed(partialJson);
        }
    }

    @Override
    public void textDelta(int index, String text) {
        jsonDelta(index, text);
    }

    /** Whether any block carried files in our format. */
    boolean followedAny() {
        return !trackers.isEmpty();
    }

    /** Everything that arrived complete, in every followed block. */
    AppPayload received() {
        AppPayload all = AppPayload.EMPTY;
        for (PartialJsonFiles tracker : trackers.values()) {
            ObjectNode parts = tracker.completeParts();
            all = all.plus(AppPayload.fromJson(parts));
        }
        return all;
    }

    /** The path of the item that was being written when the answer stopped, or null. */
    String inProgress() {
        String path = null;
        for (PartialJsonFiles tracker : trackers.values()) {
            path = tracker.inProgress() != null ? tracker.inProgress() : path;
        }
        return path;
    }
}
