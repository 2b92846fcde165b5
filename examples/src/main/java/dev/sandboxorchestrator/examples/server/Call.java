package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** One authenticated API request: the exchange and the owner its token stands for. */
record Call(HttpExchange exchange, String owner) {

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** Whether the query string has {@code name=true} (or just {@code name}). */
    boolean flag(String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return false;
        }
        for (String part : query.split("&")) {
            if (part.equals(name) || part.equals(name + "=true") || part.equals(name + "=1")) {
                return true;
            }
        }
        return false;
    }

    void respond(int status, Object body) throws IOException {
        Json.send(exchange, status, body, Map.of());
    }

    void respond(int status, Object body, Map<String, String> headers) throws IOException {
        Json.send(exchange, status, body, headers);
    }
}
