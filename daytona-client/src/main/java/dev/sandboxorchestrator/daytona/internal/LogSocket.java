package dev.sandboxorchestrator.daytona.internal;

import dev.sandboxorchestrator.core.spi.LogListener;
import dev.sandboxorchestrator.daytona.LogFollow;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows a session command's log over the daemon's WebSocket: frames (binary, or text from older daemons) go
 * through a {@link StreamDemuxer} to the listener; the server's close (1000 when the command exits) completes
 * {@link #done()}. The JDK calls the listener methods one at a time, so the demuxer needs no lock. Not API.
 */
public final class LogSocket implements WebSocket.Listener, LogFollow {
    private final StreamDemuxer demuxer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicReference<WebSocket> socket = new AtomicReference<>();
    private final StringBuilder text = new StringBuilder();

    public LogSocket(LogListener lines) {
        this.demuxer = new StreamDemuxer(lines);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket.set(webSocket);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        demuxer.accept(bytes);
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            demuxer.accept(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        demuxer.finish();
        done.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        demuxer.finish();
        done.completeExceptionally(error);
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() {
        done.cancel(false);
        WebSocket open = socket.get();
        if (open != null) {
            open.abort();
        }
    }
}
