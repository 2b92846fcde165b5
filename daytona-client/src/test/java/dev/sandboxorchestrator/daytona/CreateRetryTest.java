package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.ServiceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A create whose answer is lost is looked up by its token before it is sent again: never two sandboxes. */
class CreateRetryTest extends WireMockSupport {
    private static final String EMPTY_PAGE = "{\"items\":[],\"nextCursor\":null}";

    private String tokenOf(LoggedRequest request) {
        String body = request.getBodyAsString();
        int at = body.indexOf("sandbox-orchestrator/create-token\":\"") + "sandbox-orchestrator/create-token\":\"".length();
        return body.substring(at, body.indexOf('"', at));
    }

    @Test
    void createThatTimedOutIsFoundByItsTokenAndNotSentAgain() throws Exception {
        wm.stubFor(post("/api/sandbox").willReturn(okJson(sandboxJson("sbx-1", "started")).withFixedDelay(1500)));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).willReturn(okJson("{\"items\":[" + sandboxJson("sbx-1", "started") + "],\"nextCursor\":null}")));
        DaytonaClient impatient = builder().createTimeout(Duration.ofMillis(300)).build();

        Sandbox sandbox = impatient.sandboxes().create(CreateSandboxRequest.builder().snapshot("daytona-small").build());

        assertThat(sandbox.id()).isEqualTo("sbx-1");
        awaitLoggedPost();
        wm.verify(1, postRequestedFor(urlEqualTo("/api/sandbox")));
        LoggedRequest lookup = wm.findAll(getRequestedFor(urlPathEqualTo("/api/sandbox"))).get(0);
        String token = tokenOf(wm.findAll(postRequestedFor(urlEqualTo("/api/sandbox"))).get(0));
        assertThat(URLDecoder.decode(lookup.queryParameter("labels").firstValue(), StandardCharsets.UTF_8))
                .isEqualTo("{\"sandbox-orchestrator/create-token\":\"" + token + "\"}");
    }

    /** WireMock logs a request when its (delayed) answer is finished, after the client gave up on it. */
    private void awaitLoggedPost() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (wm.findAll(postRequestedFor(urlEqualTo("/api/sandbox"))).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1600); // a second POST, had one been sent, would be logged by now too
    }

    @Test
    void createThatFailedWith503AndMadeNothingIsSentAgainWithTheSameToken() {
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"runner pool busy\"}")).willSetStateTo("second"));
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs("second").willReturn(okJson(sandboxJson("sbx-2", "started"))));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).willReturn(okJson(EMPTY_PAGE)));

        Sandbox sandbox = client.sandboxes().create(CreateSandboxRequest.builder().build());

        assertThat(sandbox.id()).isEqualTo("sbx-2");
        List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlEqualTo("/api/sandbox")));
        assertThat(posts).hasSize(2);
        assertThat(tokenOf(posts.get(1))).isEqualTo(tokenOf(posts.get(0)));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/sandbox")));
    }

    @Test
    void createWhoseConnectionDropsEveryTimeGivesUpAfterThreeSendsWithTheAttemptsCounted() {
        wm.stubFor(post("/api/sandbox").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).willReturn(okJson(EMPTY_PAGE)));

        assertThatThrownBy(() -> client.sandboxes().create(CreateSandboxRequest.builder().build()))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.attempts()).isEqualTo(3);
                })
                .hasMessageStartingWith("Daytona could not be reached for /api/sandbox: connection failed");
        wm.verify(3, postRequestedFor(urlEqualTo("/api/sandbox")));
    }

    @Test
    void whenTheLookupFailsTooTheCreateIsNotSentAgain() {
        wm.stubFor(post("/api/sandbox").willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).willReturn(aResponse().withStatus(401).withBody("{\"message\":\"token expired\"}")));

        assertThatThrownBy(() -> client.sandboxes().create(CreateSandboxRequest.builder().build()))
                .isInstanceOf(SandboxOrchestratorException.class)
                .hasMessageStartingWith("Daytona did not answer the create request, and looking for the sandbox it may have made failed too,"
                        + " so it was not sent again (that could make a second sandbox): Daytona answered HTTP 502 for /api/sandbox");
        wm.verify(1, postRequestedFor(urlEqualTo("/api/sandbox")));
    }

    @Test
    void aConflictAfterARetriedCreateIsResolvedByTheLookup() {
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(504)).willSetStateTo("second"));
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(409).withBody("{\"message\":\"Sandbox with name coffee already exists\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).inScenario("lookup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(EMPTY_PAGE)).willSetStateTo("empty again"));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).inScenario("lookup").whenScenarioStateIs("empty again")
                .willReturn(okJson(EMPTY_PAGE)).willSetStateTo("visible"));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).inScenario("lookup").whenScenarioStateIs("visible")
                .willReturn(okJson("{\"items\":[" + sandboxJson("sbx-3", "started") + "],\"nextCursor\":null}")));

        Sandbox sandbox = client.sandboxes().create(CreateSandboxRequest.builder().name("coffee").build());

        assertThat(sandbox.id()).isEqualTo("sbx-3");
        wm.verify(2, postRequestedFor(urlEqualTo("/api/sandbox")));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/api/sandbox")));
    }

    @Test
    void aRefusedCreateIsNeitherLookedUpNorRetried() {
        wm.stubFor(post("/api/sandbox").willReturn(aResponse().withStatus(400)
                .withBody("{\"statusCode\":400,\"message\":[\"autoStopInterval must be an integer\",\"cpu must not be less than 1\"],\"error\":\"Bad Request\"}")));

        assertThatThrownBy(() -> client.sandboxes().create(CreateSandboxRequest.builder().build()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.attempts()).isEqualTo(1))
                .hasMessage("Daytona answered HTTP 400 for /api/sandbox (Bad Request): autoStopInterval must be an integer, cpu must not be less than 1");
        assertThat(wm.getAllServeEvents()).hasSize(1);
    }
}
