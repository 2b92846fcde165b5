package dev.sandboxorchestrator.daytona;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.Secret;
import dev.sandboxorchestrator.daytona.internal.DaytonaHttp;
import dev.sandboxorchestrator.daytona.internal.Urls;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Preview links of sandbox ports: the standard URL with its token, signed URLs that need no token and expire,
 * and revoking a signed URL. Obtained from {@link DaytonaClient#previews()}; thread-safe.
 *
 * <pre>{@code
 * SignedPreviewUrl link = client.previews().signedUrl(sandboxId, 3000, Duration.ofHours(1));
 * client.previews().expire(link);
 * }</pre>
 */
public final class Previews {
    /** The header that carries a standard preview token. */
    public static final String TOKEN_HEADER = "X-Daytona-Preview-Token";
    /** The query parameter that can carry a standard preview token instead. */
    public static final String TOKEN_QUERY_PARAMETER = "DAYTONA_SANDBOX_AUTH_KEY";
    /** The header that skips the warning page Daytona shows to browsers. */
    public static final String SKIP_WARNING_HEADER = "X-Daytona-Skip-Preview-Warning";
    /** The longest a signed URL may live. */
    public static final Duration MAX_SIGNED_TTL = Duration.ofDays(1);

    private final ClientContext context;
    private final DaytonaHttp http;

    Previews(ClientContext context) {
        this.context = context;
        this.http = context.http();
    }

    /** The port's standard preview URL and token (the token changes when the sandbox restarts). */
    public PreviewUrl url(String sandboxIdOrName, int port) {
        checkPort(port);
        HttpResponse<byte[]> response = http.send(http.get(context.api(portPath(sandboxIdOrName, port) + "/preview-url"),
                context.requestTimeout()), true);
        JsonNode body = http.parse(response);
        return new PreviewUrl(DaytonaHttp.required(body, "sandboxId", response), uri(body, response),
                Secret.of(DaytonaHttp.required(body, "token", response)));
    }

    /**
     * A signed URL of the port that works without a token until {@code expiresIn} has passed (whole seconds,
     * rounded up, 1 s to 24 h).
     */
    public SignedPreviewUrl signedUrl(String sandboxIdOrName, int port, Duration expiresIn) {
        checkPort(port);
        if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_SIGNED_TTL) > 0) {
            throw new InvalidInputException("expiresIn", "must be between 1 second and 24 hours: " + expiresIn);
        }
        long seconds = expiresIn.getSeconds() + (expiresIn.getNano() > 0 ? 1 : 0);
        Instant expiresAt = context.clock().instant().plusSeconds(seconds);
        String query = new Urls.Query().add("expiresInSeconds", seconds).toString();
        HttpResponse<byte[]> response = http.send(http.get(context.api(portPath(sandboxIdOrName, port) + "/signed-preview-url" + query),
                context.requestTimeout()), true);
        JsonNode body = http.parse(response);
        return new SignedPreviewUrl(DaytonaHttp.required(body, "sandboxId", response), body.path("port").asInt(port),
                uri(body, response), Secret.of(DaytonaHttp.required(body, "token", response)), expiresAt);
    }

    /** Revokes a signed URL before it expires. */
    public void expire(SignedPreviewUrl link) {
        String prefix = portPath(link.sandboxId(), link.port()) + "/signed-preview-url/";
        String suffix = "/expire";
        http.sendOnce(http.postEmpty(context.api(prefix + Urls.segment(link.token().reveal()) + suffix), context.requestTimeout()),
                URI.create(context.apiUrl()).getPath() + prefix + "***" + suffix);
    }

    private static String portPath(String sandboxIdOrName, int port) {
        return "/sandbox/" + Urls.segment(sandboxIdOrName) + "/ports/" + port;
    }

    private static URI uri(JsonNode body, HttpResponse<byte[]> response) {
        String url = DaytonaHttp.required(body, "url", response);
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw DaytonaHttp.invalid(response, "the preview 'url' is not a URL");
        }
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("port", "must be between 1 and 65535: " + port);
        }
    }
}
