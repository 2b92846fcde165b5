package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.ALICE;
import static dev.sandboxorchestrator.examples.server.TestServer.BOB;
import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Authentication, the rate limit, CORS and the header limit, over HTTP. */
class SecurityTest {
    private static final String ALLOWED = "https://app.example.com";

    @Test
    void aMissingOrWrongTokenIs401WithTheSameAnswer() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> missing = server.get(Routes.SANDBOXES, null);
            HttpResponse<String> wrong = server.get(Routes.SANDBOXES, ALICE.substring(1) + "x");
            HttpResponse<String> basic = server.send(server.request(Routes.SANDBOXES, null).header("Authorization", "Basic " + ALICE));
            HttpResponse<String> create = server.post(Routes.CREATE, "not-a-token-at-all", TestServer.createBody("x"));

            for (HttpResponse<String> response : java.util.List.of(missing, wrong, basic, create)) {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.body()).isEqualTo("{\"error\":\"Unauthorized\",\"message\":\"send a valid API token as 'Authorization: Bearer <token>'\"}");
                assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"sandbox-orchestrator\"");
            }
            assertThat(server.sandboxes()).isZero();
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        try (TestServer server = TestServer.start()) {
            HttpResponse<String> response = server.send(server.request(Routes.SANDBOXES, null).header("Authorization", "bearer " + ALICE));

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anOwnerOverItsRateLimitGets429WithRetryAfterWhileOthersGoOn() {
        try (TestServer server = TestServer.start(builder -> builder.rateLimitPerMinute(3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get(Routes.SANDBOXES, ALICE).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> limited = server.get(Routes.SANDBOXES, ALICE);

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(json(limited).get("error").asText()).isEqualTo("Too many requests");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 20L);
            assertThat(json(limited).get("message").asText())
                    .isEqualTo("rate limit of 3 requests per minute exceeded; retry after " + retryAfter + " s");
            assertThat(server.get(Routes.SANDBOXES, BOB).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aConfiguredOriginGetsCorsHeaders() {
        try (TestServer server = TestServer.start(builder -> builder.corsOrigin(ALLOWED))) {
            HttpResponse<String> response = server.send(server.request(Routes.SANDBOXES, ALICE).header("Origin", ALLOWED));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
            assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After, X-Request-Id, Location");
            assertThat(response.headers().allValues("Vary")).contains("Origin");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        }
    }

    @Test
    void anotherOriginIsRefusedWith403AndGetsNoCorsHeaders() {
        try (TestServer server = TestServer.start(builder -> builder.corsOrigin(ALLOWED))) {
            HttpResponse<String> response = server.send(server.request(Routes.SANDBOXES, ALICE).header("Origin", "https://evil.example.net"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(json(response).get("error").asText()).isEqualTo("Forbidden");
            assertThat(json(response).get("message").asText()).isEqualTo("origin https://evil.example.net is not allowed to call this API");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aPreflightFromAConfiguredOriginIsAnsweredWithoutAToken() {
        try (TestServer server = TestServer.start(builder -> builder.corsOrigin(ALLOWED))) {
            HttpResponse<String> response = server.send(server.request(Routes.CREATE, null).header("Origin", ALLOWED)
                    .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization, content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            HttpResponse<String> other = server.send(server.request(Routes.CREATE, null).header("Origin", "https://evil.example.net")
                    .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
            assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, DELETE, OPTIONS");
            assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Authorization, Content-Type, Last-Event-ID, X-Request-Id");
            assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
            assertThat(other.statusCode()).isEqualTo(403);
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void theServersOwnPageMayCallTheApiWithoutCorsConfiguration() {
        try (TestServer server = TestServer.start()) {
            String own = "http://127.0.0.1:" + server.server.uri().getPort();

            HttpResponse<String> response = server.send(server.request(Routes.SANDBOXES, ALICE).header("Origin", own));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void headersOverTheLimitAre431() {
        try (TestServer server = TestServer.start(builder -> builder.maxHeaderBytes(2048))) {
            HttpResponse<String> response = server.send(server.request(Routes.SANDBOXES, ALICE).header("X-Padding", "p".repeat(3000)));

            assertThat(response.statusCode()).isEqualTo(431);
            assertThat(json(response).get("error").asText()).isEqualTo("Request header fields too large");
            assertThat(json(response).get("message").asText()).matches("request headers total \\d+ bytes, over the limit of 2048");
        }
    }

    @Test
    void theServerListensOnLoopbackByDefault() {
        try (TestServer server = TestServer.start()) {
            assertThat(server.server.uri().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
