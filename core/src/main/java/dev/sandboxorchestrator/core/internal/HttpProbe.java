package dev.sandboxorchestrator.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/** One GET of a URL, for readiness checks: the status, or empty when nothing answered. Not API. */
public final class HttpProbe {
    private final HttpClient client;

    public HttpProbe(HttpClient client) {
        this.client = client;
    }

    public OptionalInt status(URI url, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return OptionalInt.of(response.statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.sandboxorchestrator.core.SandboxOrchestratorException("Interrupted while probing " + url, e);
        }
    }
}
