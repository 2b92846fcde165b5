package dev.sandboxorchestrator.daytona;

import dev.sandboxorchestrator.core.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed preview URL ({@code https://3000-<token>.<proxy domain>}): it opens in a browser as it is, needs no
 * header, and stops working at {@link #expiresAt()} or when revoked with {@link Previews#expire}. The token is part
 * of the host name, so {@link #toString()} shows the URL with the token replaced by {@code ***}; call
 * {@link #url()} where the URL is meant to be shown or opened.
 *
 * <pre>{@code
 * SignedPreviewUrl link = client.previews().signedUrl(sandboxId, 3000, Duration.ofHours(1));
 * System.out.println("Open " + link.url() + " (valid until " + link.expiresAt() + ")");
 * }</pre>
 *
 * @param sandboxId the sandbox
 * @param port      the sandbox port it reaches
 * @param url       the URL, token included
 * @param token     the token in the URL
 * @param expiresAt when it stops working
 */
public record SignedPreviewUrl(String sandboxId, int port, URI url, Secret token, Instant expiresAt) {
    public SignedPreviewUrl {
        Objects.requireNonNull(sandboxId, "sandboxId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The URL with its token replaced by {@code ***}, for logs and messages. */
    public String redacted() {
        return token.redact(url.toString());
    }

    @Override
    public String toString() {
        return "SignedPreviewUrl[sandboxId=" + sandboxId + ", port=" + port + ", url=" + redacted() + ", expiresAt=" + expiresAt + "]";
    }
}
