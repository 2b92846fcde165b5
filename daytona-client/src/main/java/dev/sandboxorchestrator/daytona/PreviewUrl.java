package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * A sandbox port's standard preview URL ({@code https://3000-<id>.<proxy domain>}) and the token a private
 * sandbox's preview needs, sent as the {@value Previews#TOKEN_HEADER} header ({@link #headers()}) or the
 * {@value Previews#TOKEN_QUERY_PARAMETER} query parameter ({@link #urlWithToken()}). The token changes when the
 * sandbox restarts. {@link #toString()} never shows the token.
 *
 * <pre>{@code
 * PreviewUrl preview = client.previews().url(sandboxId, 3000);
 * HttpRequest request = HttpRequest.newBuilder(preview.url()).header(Previews.TOKEN_HEADER, preview.token().reveal()).build();
 * }</pre>
 *
 * @param sandboxId the sandbox
 * @param url       the preview URL (no token in it)
 * @param token     the preview token
 */
public record PreviewUrl(String sandboxId, URI url, Secret token) {
    public PreviewUrl {
        Objects.requireNonNull(sandboxId, "sandboxId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
    }

    /** The header that carries the token, for programmatic calls. */
    public Map<String, String> headers() {
        return Map.of(Previews.TOKEN_HEADER, token.reveal());
    }

    /** The URL with the token as a query parameter: works for one request, not for a browser's page assets. */
    public URI urlWithToken() {
        String base = url.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + Previews.TOKEN_QUERY_PARAMETER + "="
                + dev.sandboxorchestrator.daytona.internal.Urls.segment(token.reveal()));
    }

    @Override
    public String toString() {
        return "PreviewUrl[sandboxId=" + sandboxId + ", url=" + url + ", token=" + token + "]";
    }
}
