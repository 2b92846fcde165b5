package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the web page (index.html, app.js, app.css from {@code web/} on the class path), with headers that
 * keep it from being framed or sniffed and a content security policy that lets it talk only to this server
 * while still showing previews (on other ports or hosts) in its iframe.
 */
final class WebPage implements HttpHandler {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-src http: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/app.css", "app.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Map<String, byte[]> content;

    WebPage() {
        this.content = Map.of("index.html", load("index.html"), "app.js", load("app.js"), "app.css", load("app.css"));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String file = FILES.get(exchange.getRequestURI().getPath());
            if (file == null) {
                ApiError error = ApiError.notFound("no such page: " + exchange.getRequestURI().getPath());
                Json.send(exchange, error.status(), error.body(), Map.of());
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ApiError error = new ApiError(405, ApiError.METHOD_NOT_ALLOWED, method + " is not supported on pages; use GET");
                Json.send(exchange, error.status(), error.body(), Map.of("Allow", "GET, HEAD"));
                return;
            }
            byte[] bytes = content.get(file);
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : bytes.length);
            if (method.equals("GET")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static byte[] load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read web/" + name, e);
        }
    }
}
