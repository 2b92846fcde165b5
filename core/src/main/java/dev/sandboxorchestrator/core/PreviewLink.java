package dev.sandboxorchestrator.core;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a sandbox's app: a URL that opens in a browser as it is, plus the headers a program must
 * send (for example a private preview's token) and when the URL stops working, if it expires.
 * {@link #toString()} never shows header values, which may be secrets.
 */
public record PreviewLink(URI url, Map<String, String> headers, Instant expiresAt) {
    public PreviewLink {
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    public static PreviewLink of(URI url) {
        return new PreviewLink(url, Map.of(), null);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    @Override
    public String toString() {
        return "PreviewLink[url=" + Secret.redactQuery(url) + ", headers=" + headers.keySet()
                + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
    }
}
