package dev.sandboxorchestrator.examples.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The events of one create or generate request, kept for live followers and for replay after a reconnect
 * ({@code Last-Event-ID}). Holds at most {@code capacity} events: the oldest go first, and a follower that
 * missed them is told so. The last event, {@code done} or {@code error}, finishes the stream. Thread-safe.
 */
final class EventStream {
    /** One event: its id (1, 2, …), its SSE event name and its JSON data. */
    record Entry(long id, String type, String json) {
    }

    /** What a follower gets: the events after its last id, whether some were dropped before them, and whether that is all. */
    record Batch(List<Entry> entries, boolean gap, boolean finished) {
    }

    private final String owner;
    private final String id;
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long lastId;
    private boolean finished;
    private boolean closed;

    EventStream(String owner, String id, int capacity) {
        this.owner = owner;
        this.id = id;
        this.capacity = capacity;
    }

    String owner() {
        return owner;
    }

    String id() {
        return id;
    }

    synchronized void publish(String type, Object data) {
        if (finished) {
            return;
        }
        append(type, data);
    }

    /** Publishes the last event; later events are ignored. */
    synchronized void finish(String type, Object data) {
        if (finished) {
            return;
        }
        append(type, data);
        finished = true;
    }

    synchronized boolean isFinished() {
        return finished;
    }

    /** Wakes every follower and makes them stop (the server is closing). */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * The events after {@code afterId}, waiting up to {@code wait} for one when there is none yet. An empty,
     * unfinished batch means the wait ran out (time for a keep-alive).
     */
    synchronized Batch after(long afterId, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (lastId <= afterId && !finished && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Batch(List.of(), false, false);
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        List<Entry> newer = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.id() > afterId) {
                newer.add(entry);
            }
        }
        boolean gap = !entries.isEmpty() && entries.peekFirst().id() > afterId + 1;
        return new Batch(newer, gap, finished || closed);
    }

    private void append(String type, Object data) {
        entries.addLast(new Entry(++lastId, type, Json.write(data)));
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
        notifyAll();
    }
}
