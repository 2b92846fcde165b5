package dev.sandboxorchestrator.daytona;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for tests, written on plain sockets because the JDK's HttpServer and
 * WireMock cannot accept WebSocket upgrades: it answers requests through a handler, can upgrade a request to a
 * WebSocket and send frames, and records every request (for counting round trips). Closing it closes every
 * connection and stops every thread it started.
 */
final class LoopbackServer implements AutoCloseable {
    /** A request as received; header names are lower case. */
    record Request(String method, String path, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String query(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean isWebSocket() {
            return "websocket".equalsIgnoreCase(header("upgrade"));
        }
    }

    /** An answer: a status with headers and a body, a WebSocket session, or a dropped connection. */
    record Response(int status, Map<String, String> headers, byte[] body, Consumer<WebSocketSession> webSocket, boolean drop) {
        static Response json(int status, String json) {
            return new Response(status, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), null, false);
        }

        static Response status(int status) {
            return new Response(status, Map.of(), new byte[0], null, false);
        }

        static Response bytes(int status, String contentType, byte[] body) {
            return new Response(status, Map.of("Content-Type", contentType), body, null, false);
        }

        static Response upgrade(Consumer<WebSocketSession> session) {
            return new Response(101, Map.of(), new byte[0], session, false);
        }

        static Response dropConnection() {
            return new Response(0, Map.of(), new byte[0], null, true);
        }
    }

    /** The server side of an upgraded connection. */
    interface WebSocketSession {
        void sendBinary(byte[] data);

        void sendText(String text);

        void close(int code);
    }

    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "loopback-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    LoopbackServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Response response = handle(request);
                if (response.drop()) {
                    connection.setSoLinger(true, 0);
                    return;
                }
                if (response.webSocket() != null) {
                    upgrade(request, response, out);
                    drain(connection, in);
                    return;
                }
                write(out, response, "close".equalsIgnoreCase(request.header("connection")));
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        } finally {
            connections.remove(connection);
        }
    }

    private Response handle(Request request) {
        try {
            return handler.handle(request);
        } catch (Exception e) {
            return Response.json(500, "{\"message\":\"test server failed: " + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static Request read(InputStream in) throws IOException {
        String line = line(in);
        while (line != null && line.isEmpty()) {
            line = line(in);
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Request(parts[0], path, query, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        line(in);
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, Response response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static void upgrade(Request request, Response response, OutputStream out) throws IOException {
        String accept;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((request.header("sec-websocket-key")
                    + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            accept = Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        Frames frames = new Frames(out);
        response.webSocket().accept(frames);
        frames.close(1000);
    }

    /** Waits (briefly) for the client's close frame and its end of the connection, so it sees our close first. */
    private static void drain(Socket connection, InputStream in) throws IOException {
        connection.setSoTimeout(2000);
        try {
            while (in.read() != -1) {
                // discard the client's frames
            }
        } catch (java.net.SocketTimeoutException e) {
            // the client keeps the connection; we close it
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 404 -> "Not Found";
            default -> "Status";
        };
    }

    /** Writes unmasked server frames. */
    private static final class Frames implements WebSocketSession {
        private final OutputStream out;
        private boolean closed;

        Frames(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void sendBinary(byte[] data) {
            frame(0x2, data);
        }

        @Override
        public synchronized void sendText(String text) {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public synchronized void close(int code) {
            if (!closed) {
                frame(0x8, new byte[] {(byte) (code >> 8), (byte) code});
                closed = true;
            }
        }

        private void frame(int opcode, byte[] data) {
            if (closed) {
                return;
            }
            try {
                out.write(0x80 | opcode);
                if (data.length < 126) {
                    out.write(data.length);
                } else if (data.length < 65536) {
                    out.write(126);
                    out.write(data.length >> 8);
                    out.write(data.length);
                } else {
                    out.write(127);
                    for (int shift = 56; shift >= 0; shift -= 8) {
                        out.write((int) ((long) data.length >> shift));
                    }
                }
                out.write(data);
                out.flush();
            } catch (IOException e) {
                closed = true;
            }
        }
    }
}
