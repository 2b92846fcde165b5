package dev.sandboxorchestrator.daytona.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds request URIs: path segments and query values percent-encoded. Not API. */
public final class Urls {
    private Urls() {
    }

    /** {@code base} (no trailing slash) + {@code path}, where {@code path} is already encoded. */
    public static URI of(String base, String path) {
        return URI.create(base + path);
    }

    /** One path segment, percent-encoded (a sandbox name or id cannot add a path level). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Removes trailing slashes. */
    public static String trimSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** {@code http} → {@code ws}, {@code https} → {@code wss}. */
    public static String toWebSocket(String url) {
        if (url.startsWith("https://")) {
            return "wss://" + url.substring("https://".length());
        }
        if (url.startsWith("http://")) {
            return "ws://" + url.substring("http://".length());
        }
        return url;
    }

    /** A query string builder; names may repeat. */
    public static final class Query {
        private final StringJoiner parts = new StringJoiner("&", "?", "").setEmptyValue("");

        public Query add(String name, Object value) {
            if (value != null) {
                parts.add(segment(name) + "=" + segment(String.valueOf(value)));
            }
            return this;
        }

        @Override
        public String toString() {
            return parts.toString();
        }
    }
}
