package dev.sandboxorchestrator.examples.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event streams of recent requests, found by owner and by request id or sandbox id. Keeps at most
 * {@code maxStreams}; past that the oldest finished streams are forgotten. Thread-safe.
 */
final class EventHub {
    private final int maxStreams;
    private final int eventsPerStream;
    /** Each stream once, by owner and request id, oldest first. */
    private final Map<String, EventStream> streams = new LinkedHashMap<>();
    /** Each stream by owner and request id, and by owner and sandbox id once it has one. */
    private final Map<String, EventStream> index = new HashMap<>();
    private final Map<EventStream, String> sandboxIds = new HashMap<>();

    EventHub(int maxStreams, int eventsPerStream) {
        this.maxStreams = maxStreams;
        this.eventsPerStream = eventsPerStream;
    }

    /**
     * A new stream for the owner's request.
     *
     * @throws ApiError 409 when the owner already has a stream with this id
     */
    synchronized EventStream open(String owner, String requestId) {
        String key = key(owner, requestId);
        if (index.containsKey(key)) {
            throw new ApiError(409, ApiError.CONFLICT, "request id " + requestId + " is already in use; send a new one");
        }
        EventStream stream = new EventStream(owner, requestId, eventsPerStream);
        streams.put(key, stream);
        index.put(key, stream);
        evict();
        return stream;
    }

    /** Lets the stream be found by the id of the sandbox it created as well. */
    synchronized void alias(EventStream stream, String sandboxId) {
        if (streams.containsValue(stream)) {
            index.put(key(stream.owner(), sandboxId), stream);
            sandboxIds.put(stream, sandboxId);
        }
    }

    synchronized Optional<EventStream> find(String owner, String id) {
        return Optional.ofNullable(index.get(key(owner, id)));
    }

    synchronized int size() {
        return streams.size();
    }

    /** Ends every follower's wait, for shutdown. */
    synchronized void close() {
        streams.values().forEach(EventStream::close);
    }

    private void evict() {
        int excess = streams.size() - maxStreams;
        List<String> victims = new ArrayList<>();
        for (Map.Entry<String, EventStream> entry : streams.entrySet()) {
            if (victims.size() >= excess) {
                break;
            }
            if (entry.getValue().isFinished()) {
                victims.add(entry.getKey());
            }
        }
        for (String key : victims) {
            EventStream stream = streams.remove(key);
            index.remove(key);
            String sandboxId = sandboxIds.remove(stream);
            if (sandboxId != null) {
                index.remove(key(stream.owner(), sandboxId));
            }
        }
    }

    private static String key(String owner, String id) {
        return owner + "\n" + id;
    }
}
