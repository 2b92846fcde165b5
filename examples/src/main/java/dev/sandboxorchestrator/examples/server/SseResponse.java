package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends an {@link EventStream} as server-sent events: first what the client missed (everything after its
 * {@code Last-Event-ID}), then new events as they happen, with a comment line as keep-alive while nothing
 * happens, until the stream finishes or the client goes away.
 */
final class SseResponse {
    private SseResponse() {
    }

    static void send(HttpExchange exchange, EventStream stream, long lastEventId, Duration keepAlive) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(("retry: 2000\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            long last = lastEventId;
            while (true) {
                EventStream.Batch batch = stream.after(last, keepAlive);
                StringBuilder text = new StringBuilder();
                if (batch.gap()) {
                    text.append(": some earlier events were dropped; the oldest kept ones follow\n\n");
                }
                for (EventStream.Entry entry : batch.entries()) {
                    text.append("id: ").append(entry.id()).append("\nevent: ").append(entry.type())
                            .append("\ndata: ").append(entry.json()).append("\n\n");
                    last = entry.id();
                }
                if (text.length() == 0 && !batch.finished()) {
                    text.append(": keep-alive\n\n");
                }
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (batch.finished()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The id after which to resume: the {@code Last-Event-ID} header, or 0 for everything. */
    static long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Last-Event-ID must be the number of an event, not " + header.strip());
        }
    }
}
