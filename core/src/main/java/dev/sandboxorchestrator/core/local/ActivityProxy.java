package dev.sandboxorchestrator.core.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.function.IntSupplier;

/**
 * A TCP pass-through on the preview port that forwards to the app and notes each connection as activity,
 * so idle auto-stop sees requests to the preview. Works for any protocol (HTTP, WebSocket).
 */
final class ActivityProxy implements AutoCloseable {
    private final ServerSocket server;
    private final IntSupplier target;
    private final Runnable onActivity;
    private final ExecutorService threads;

    ActivityProxy(int port, IntSupplier target, Runnable onActivity, ExecutorService threads) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.target = target;
        this.onActivity = onActivity;
        this.threads = threads;
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                onActivity.run();
                threads.execute(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        try (client; Socket app = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt())) {
            threads.execute(() -> pump(app, client, () -> { }));
            pump(client, app, onActivity);
        } catch (IOException e) {
            // The app is not listening (yet): the client sees its connection closed, as it would without us.
        }
    }

    /** Copies until either side closes; each chunk read calls {@code onChunk} (requests on kept-alive connections count). */
    private static void pump(Socket from, Socket to, Runnable onChunk) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                onChunk.run();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed; closing both below ends the other pump too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
