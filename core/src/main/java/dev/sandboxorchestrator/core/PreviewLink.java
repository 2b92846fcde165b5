package dev.sandboxorchestrator.core;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a sandbox's app: a URL that opens in a browser as it is, plus the headers a program must
 * send (for example a private preview's token) and when the URL stops working, if it expires.
 * {@link #toString()} and {@link #redacted()} never show header values, the query string, or the
 * {@code secrets} the provider names (a signed URL may carry its token in the host name).
 *
 * @param url       the URL, as it opens in a browser
 * @param headers   headers programs send with each request
 * @param expiresAt when the URL stops working, or {@code null}
 * @param secrets   parts of the URL that must never be shown (tokens)
 */
public record PreviewLink(URI url, Map<String, String> headers, Instant expiresAt, List<String> secrets) {
    public PreviewLink {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        secrets = List.copyOf(secrets == null ? List.of() : secrets);
    }

    /** A link with no secrets in its URL. */
    public PreviewLink(URI url, Map<String, String> headers, Instant expiresAt) {
        this(url, headers, expiresAt, List.of());
    }

    public static PreviewLink of(URI url) {
        return new PreviewLink(url, Map.of(), null);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** The URL for logs and messages: query string and secret parts replaced by {@code ***}. */
    public String redacted() {
        return redact(url);
    }

    /** Any URL of this link (e.g. a readiness path resolved against it), with its secrets hidden. */
    public String redact(URI any) {
        String text = any.toString();
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query) + "?***";
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                text = text.replace(secret, "***");
            }
        }
        return text;
    }

    @Override
    public String toString() {
        return "PreviewLink[url=" + redacted() + ", headers=" + headers.keySet() + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }
}
