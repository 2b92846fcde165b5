package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sandboxorchestrator.core.ServiceException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error answers, retries and broken connections, as the client's contract says. */
class ErrorHandlingTest extends WireMockSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "401|{\"statusCode\":401,\"message\":\"Invalid API key\",\"error\":\"Unauthorized\"}|Daytona answered HTTP 401 for /api/sandbox/sbx-1 (Unauthorized): Invalid API key",
        "403|{\"statusCode\":403,\"message\":\"Forbidden resource\",\"error\":\"Forbidden\"}|Daytona answered HTTP 403 for /api/sandbox/sbx-1 (Forbidden): Forbidden resource",
        "404|{\"statusCode\":404,\"message\":\"Sandbox with ID or name sbx-1 not found\",\"error\":\"Not Found\"}|Daytona answered HTTP 404 for /api/sandbox/sbx-1 (Not Found): Sandbox with ID or name sbx-1 not found",
        "409|{\"statusCode\":409,\"message\":\"Sandbox state change in progress\",\"code\":\"CONFLICT\"}|Daytona answered HTTP 409 for /api/sandbox/sbx-1 (CONFLICT): Sandbox state change in progress",
    })
    void clientErrorsAreNotRetriedAndCarryStatusMessageAndCode(int status, String body, String message) {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(aResponse().withStatus(status).withHeader("X-Request-Id", "req-77").withBody(body)));

        assertThatThrownBy(() -> client.sandboxes().get("sbx-1"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.service()).isEqualTo("Daytona");
                    assertThat(e.path()).contains("/api/sandbox/sbx-1");
                    assertThat(e.requestId()).contains("req-77");
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessage(message + " [request id req-77]");
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }

    @Test
    void rateLimitIsRetriedAfterTheTimeDaytonaAsksFor() {
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("{\"message\":\"ThrottlerException: Too Many Requests\"}"))
                .willSetStateTo("ok"));
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("limit").whenScenarioStateIs("ok").willReturn(okJson(sandboxJson("sbx-1", "started"))));

        assertThat(client.sandboxes().get("sbx-1").id()).isEqualTo("sbx-1");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitedCallThatStaysLimitedReportsAttemptsAndRetryAfter() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody("{\"message\":\"Too Many Requests\"}")));

        assertThatThrownBy(() -> client.sandboxes().get("sbx-1"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                })
                .hasMessage("Daytona answered HTTP 429 for /api/sandbox/sbx-1: Too Many Requests after 4 attempts");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsOnIdempotentCallsAreRetriedWithExponentialBackoffAndJitter() {
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("flaky").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("3"));
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("flaky").whenScenarioStateIs("3").willReturn(okJson(sandboxJson("sbx-1", "started"))));

        assertThat(client.sandboxes().get("sbx-1").state()).isEqualTo(SandboxState.STARTED);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void commandsAreNeverRetriedBecauseTheyMayHaveRun() {
        wm.stubFor(post("/toolbox/sbx-1/process/session/build/exec").willReturn(aResponse().withStatus(503)));
        Toolbox toolbox = client.toolbox(sandbox());

        assertThatThrownBy(() -> toolbox.executeAsync("build", "npm run build"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.attempts()).isEqualTo(1))
                .hasMessage("Daytona answered HTTP 503 for /toolbox/sbx-1/process/session/build/exec");
        wm.verify(1, postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/session/build/exec")));
    }

    @Test
    void droppedConnectionsAreRetriedOnIdempotentCallsOnly() {
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson(sandboxJson("sbx-1", "started"))));
        wm.stubFor(post("/toolbox/sbx-1/process/execute").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(client.sandboxes().get("sbx-1").id()).isEqualTo("sbx-1");
        assertThatThrownBy(() -> client.toolbox(sandbox()).execute("ls", null, Map.of(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isZero())
                .hasMessageStartingWith("Daytona could not be reached for /toolbox/sbx-1/process/execute: connection failed");
        wm.verify(1, postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/execute")));
    }

    @Test
    void aCallThatTimesOutIsRetriedAndThenReportedAsTimedOut() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "started")).withFixedDelay(1000)));
        DaytonaClient impatient = builder().requestTimeout(Duration.ofMillis(200)).maxAttempts(2).build();

        assertThatThrownBy(() -> impatient.sandboxes().get("sbx-1"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.attempts()).isEqualTo(2);
                })
                .hasMessageStartingWith("Daytona could not be reached for /api/sandbox/sbx-1: timed out");
        wm.verify(2, getRequestedFor(urlEqualTo("/api/sandbox/sbx-1")));
    }

    @Test
    void malformedJsonIsAServiceErrorThatQuotesNoneOfTheBody() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"sbx-1\",\"token\":\"tok-SECRET\",")));
        wm.stubFor(get("/api/sandbox/sbx-2").willReturn(okJson("{\"state\":\"started\"}")));

        assertThatThrownBy(() -> client.sandboxes().get("sbx-1"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorType()).contains("invalid_response"))
                .hasMessageStartingWith("Daytona answered HTTP 200 for /api/sandbox/sbx-1 (invalid_response): the response is not valid JSON")
                .message().doesNotContain("tok-SECRET");
        assertThatThrownBy(() -> client.sandboxes().get("sbx-2"))
                .hasMessage("Daytona answered HTTP 200 for /api/sandbox/sbx-2 (invalid_response): the response is not a sandbox (it has no 'id')");
    }

    @Test
    void gatewayErrorPagesAreNotQuotedButTheirStatusIs() {
        wm.stubFor(post("/toolbox/sbx-1/process/execute").willReturn(aResponse().withStatus(502)
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        assertThatThrownBy(() -> client.toolbox(sandbox()).execute("ls", null, Map.of(), Duration.ofSeconds(5)))
                .hasMessage("Daytona answered HTTP 502 for /toolbox/sbx-1/process/execute");
    }

    @Test
    void theApiKeyIsCutOutOfAnythingDaytonaEchoes() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Invalid API key " + KEY + "\",\"error\":\"Unauthorized\"}")));

        assertThatThrownBy(() -> client.sandboxes().get("sbx-1"))
                .hasMessage("Daytona answered HTTP 401 for /api/sandbox/sbx-1 (Unauthorized): Invalid API key ***");
    }

    private Sandbox sandbox() {
        return new Sandbox("sbx-1", null, null, SandboxState.STARTED, null, null, null, null, null, false, 1, 1, 3, null, null, null, null,
                toolboxProxyUrl());
    }
}
