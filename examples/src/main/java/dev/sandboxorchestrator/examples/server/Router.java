package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front door of {@code /api/}: header size limit (431), CORS (403 for origins not allowed, preflight
 * answered), bearer-token authentication (401, without saying whether the token was missing or wrong), the
 * per-owner rate limit (429 with {@code Retry-After}), then the route (404, 405 with {@code Allow}). Every
 * failure is answered in the guide's error shape; no stack trace ever leaves the server.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    static final String AUTH_MESSAGE = "send a valid API token as 'Authorization: Bearer <token>'";

    private final ApiTokens tokens;
    private final CorsPolicy cors;
    private final RateLimiter limiter;
    private final SandboxApi api;
    private final int maxHeaderBytes;

    Router(ApiTokens tokens, CorsPolicy cors, RateLimiter limiter, SandboxApi api, int maxHeaderBytes) {
        this.tokens = tokens;
        this.cors = cors;
        this.limiter = limiter;
        this.api = api;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (ApiError e) {
            answer(exchange, e);
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.getMessage());
        } catch (RuntimeException e) {
            answer(exchange, Failures.toApiError(e, ApiError.INTERNAL));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        checkHeaderSize(exchange);
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!cors.allows(origin, exchange.getRequestHeaders().getFirst("Host"))) {
            throw new ApiError(403, ApiError.FORBIDDEN, "origin " + origin + " is not allowed to call this API");
        }
        cors.addHeaders(origin, exchange.getResponseHeaders());
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            cors.addPreflightHeaders(origin, exchange.getResponseHeaders());
            exchange.getResponseHeaders().set("Allow", CorsPolicy.ALLOWED_METHODS);
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        String owner = authenticate(exchange);
        limiter.acquire(owner).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ApiError(429, ApiError.TOO_MANY_REQUESTS, "rate limit of " + limiter.perMinute()
                    + " requests per minute exceeded; retry after " + seconds + " s", Map.of("Retry-After", Long.toString(seconds)));
        });
        route(new Call(exchange, owner));
    }

    private void route(Call call) throws IOException {
        String method = call.exchange().getRequestMethod();
        String path = call.exchange().getRequestURI().getPath();
        if (path.equals(Routes.CREATE)) {
            allow(method, path, "POST");
            api.create(call);
        } else if (path.equals(Routes.GENERATE)) {
            allow(method, path, "POST");
            api.generate(call);
        } else if (path.equals(Routes.SANDBOXES) || path.equals(Routes.SANDBOXES + "/")) {
            allow(method, path, "GET");
            api.list(call);
        } else if (path.startsWith(Routes.SANDBOXES + "/") && path.endsWith(Routes.EVENTS_SUFFIX) && segments(path) == 5) {
            allow(method, path, "GET");
            api.events(call, path.split("/")[3]);
        } else if (path.startsWith(Routes.SANDBOXES + "/") && segments(path) == 4) {
            String id = path.substring(Routes.SANDBOXES.length() + 1);
            allow(method, path, "GET", "DELETE");
            if (method.equals("DELETE")) {
                api.delete(call, id);
            } else {
                api.get(call, id);
            }
        } else {
            throw ApiError.notFound("no such endpoint: " + method + " " + path);
        }
    }

    private String authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<String> owner = Optional.empty();
        if (header != null && header.length() > 7 && header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            owner = tokens.ownerOf(header.substring(7).strip());
        }
        return owner.orElseThrow(() -> new ApiError(401, ApiError.UNAUTHORIZED, AUTH_MESSAGE,
                Map.of("WWW-Authenticate", "Bearer realm=\"sandbox-orchestrator\"")));
    }

    private void checkHeaderSize(HttpExchange exchange) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4;
            }
        }
        if (size > maxHeaderBytes) {
            throw new ApiError(431, ApiError.HEADERS_TOO_LARGE, "request headers total " + size + " bytes, over the limit of " + maxHeaderBytes);
        }
    }

    private static void allow(String method, String path, String... allowed) {
        List<String> methods = List.of(allowed);
        if (method.equals("HEAD") && methods.contains("GET")) {
            return;
        }
        if (!methods.contains(method)) {
            throw new ApiError(405, ApiError.METHOD_NOT_ALLOWED, method + " is not supported on " + path + "; use " + String.join(" or ", methods),
                    Map.of("Allow", String.join(", ", methods)));
        }
    }

    private static int segments(String path) {
        return path.split("/", -1).length;
    }

    private static void answer(HttpExchange exchange, ApiError error) {
        if (exchange.getResponseCode() != -1) {
            LOG.debug("{} after the response had started: {}", error.error(), error.getMessage());
            return;
        }
        try {
            Json.send(exchange, error.status(), error.body(), error.headers());
        } catch (IOException e) {
            LOG.debug("Could not send the error to the client: {}", e.getMessage());
        }
    }
}
