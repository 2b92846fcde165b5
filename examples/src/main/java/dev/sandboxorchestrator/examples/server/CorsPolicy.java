package dev.sandboxorchestrator.examples.server;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web origins may call the API from a browser. The server's own origin (the web page it serves) is
 * always allowed; others only when configured. Allowed origins get CORS headers; any other origin gets 403,
 * so a page elsewhere cannot use a token it got hold of. Immutable and thread-safe.
 */
final class CorsPolicy {
    static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Last-Event-ID, X-Request-Id";
    static final String EXPOSED_HEADERS = "Retry-After, X-Request-Id, Location";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    CorsPolicy(Set<String> origins) {
        this.origins = origins.stream().map(CorsPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * An origin as browsers send it: scheme://host[:port], lower case, no path.
     *
     * @throws IllegalArgumentException for "*" or anything that is not an http(s) origin
     */
    static String normalise(String origin) {
        String trimmed = origin.strip().replaceAll("/+$", "").toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CORS origin '" + origin + "' is not a URL like https://app.example.com");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            throw new IllegalArgumentException("CORS origin '" + origin + "' must be scheme://host[:port] like https://app.example.com"
                    + " (wildcards are not allowed)");
        }
        return trimmed;
    }

    Set<String> origins() {
        return origins;
    }

    /** Whether a request with this Origin header (null: not a cross-site browser request) may go on. */
    boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        return origins.contains(normalised) || isSameOrigin(normalised, host);
    }

    /** Adds the CORS headers a browser needs to let the page read the answer, when the origin is configured. */
    void addHeaders(String origin, Headers response) {
        if (origin != null && origins.contains(origin.strip().toLowerCase(Locale.ROOT))) {
            response.set("Access-Control-Allow-Origin", origin.strip());
            response.set("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        response.add("Vary", "Origin");
    }

    /** The answer headers to a preflight request from an allowed origin. */
    void addPreflightHeaders(String origin, Headers response) {
        addHeaders(origin, response);
        response.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
        response.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }

    private static boolean isSameOrigin(String origin, String host) {
        return host != null && (origin.equals("http://" + host.strip().toLowerCase(Locale.ROOT))
                || origin.equals("https://" + host.strip().toLowerCase(Locale.ROOT)));
    }
}
