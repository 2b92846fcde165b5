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

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sandboxorchestrator.core.ServiceException;
import dev.sandboxorchestrator.core.internal.Backoff;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The retry behaviour with the client's default backoff (0.5 s doubling to 8 s, full jitter in the upper half,
 * 4 attempts), under injected 429 and 503 answers. The waits are recorded, not slept, and printed for the README.
 */
class RetryBehaviourTest extends WireMockSupport {

    @Override
    DaytonaClient.Builder builder() {
        return super.builder().retryBackoff(Backoff.DEFAULT);
    }

    private void failTimes(String path, int times, int status, String retryAfter) {
        for (int i = 0; i < times; i++) {
            var answer = aResponse().withStatus(status).withBody("{\"message\":\"injected " + status + "\"}");
            if (retryAfter != null) {
                answer.withHeader("Retry-After", retryAfter);
            }
            wm.stubFor(get(path).inScenario(path).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after" + i)
                    .willReturn(answer).willSetStateTo("after" + (i + 1)));
        }
        wm.stubFor(get(path).inScenario(path).whenScenarioStateIs("after" + times).willReturn(okJson(sandboxJson("sbx-1", "started"))));
    }

    @Test
    void injected429And503AreRetriedAsDocumented() {
        failTimes("/api/sandbox/sbx-1", 2, 429, "2");
        client.sandboxes().get("sbx-1");
        System.out.println("429 x2 with Retry-After: 2 -> success on attempt 3, waits " + sleeps);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        wm.verify(3, getRequestedFor(urlEqualTo("/api/sandbox/sbx-1")));

        sleeps.clear();
        failTimes("/api/sandbox/sbx-2", 3, 503, null);
        client.sandboxes().get("sbx-2");
        System.out.println("503 x3 -> success on attempt 4, waits " + sleeps);
        assertThat(sleeps).hasSize(3);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));

        sleeps.clear();
        failTimes("/api/sandbox/sbx-3", 4, 503, null);
        assertThatThrownBy(() -> client.sandboxes().get("sbx-3"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.attempts()).isEqualTo(4));
        System.out.println("503 x4 -> ServiceException after 4 attempts, waits " + sleeps);

        sleeps.clear();
        failTimes("/api/sandbox/sbx-4", 1, 429, "120");
        assertThatThrownBy(() -> client.sandboxes().get("sbx-4"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(2)));
        System.out.println("429 with Retry-After: 120 (over the 60 s cap) -> fails at once with retryAfter=PT2M, waits " + sleeps);
        assertThat(sleeps).isEmpty();

        sleeps.clear();
        wm.stubFor(post("/toolbox/sbx-1/process/execute").willReturn(aResponse().withStatus(503)));
        Toolbox toolbox = client.toolbox(client.sandboxes().get("sbx-1"));
        assertThatThrownBy(() -> toolbox.execute("npm install", null, Map.of(), Duration.ofMinutes(1))).isInstanceOf(ServiceException.class);
        System.out.println("POST /process/execute 503 -> not retried (it may have run), waits " + sleeps);
        wm.verify(1, postRequestedFor(urlEqualTo("/toolbox/sbx-1/process/execute")));

        sleeps.clear();
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(post("/api/sandbox").inScenario("create").whenScenarioStateIs("ok").willReturn(okJson(sandboxJson("sbx-5", "started"))));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).willReturn(okJson("{\"items\":[],\"nextCursor\":null}")));
        assertThat(client.sandboxes().create(CreateSandboxRequest.builder().build()).id()).isEqualTo("sbx-5");
        System.out.println("POST /sandbox 503 -> 2 lookups by create token (nothing made) -> sent again -> created, waits " + sleeps);
        wm.verify(2, postRequestedFor(urlEqualTo("/api/sandbox")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/sandbox")));
    }
}
