package dev.sandboxorchestrator.generator.claude.internal;

/** Told about content blocks as they arrive, for progress. Called on the reading thread. Not API. */
public interface BlockListener {
    BlockListener NONE = new BlockListener() {
    };

    /** A block began: its type ({@code text}, {@code tool_use}, …) and, for a tool call, the tool's name. */
    default void blockStarted(int index, String type, String name) {
    }

    /** A chunk of a tool call's input JSON. */
    default void jsonDelta(int index, String partialJson) {
    }

    /** A chunk of text. */
    default void textDelta(int index, String text) {
    }

    /** The block is complete. */
    default void blockStopped(int index) {
    }
}
