package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.SandboxOrchestratorException;
import dev.sandboxorchestrator.core.SandboxTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lifecycle calls against WireMock: the exact requests, and what the answers become. */
class SandboxesTest extends WireMockSupport {

    @Test
    void createSendsSnapshotNameEnvLabelsTargetIntervalsInMinutesAndNetworkLists() {
        wm.stubFor(post("/api/sandbox").willReturn(okJson(sandboxJson("sbx-1", "started"))));
        DaytonaClient withTarget = builder().target("eu").build();

        Sandbox sandbox = withTarget.sandboxes().create(CreateSandboxRequest.builder().snapshot("daytona-small").name("coffee")
                .env("NODE_ENV", "production").label("app", "coffee").isPublic(false).autoStop(Duration.ofHours(1))
                .autoArchive(Duration.ofDays(7)).autoDelete(Duration.ofSeconds(90)).networkBlockAll(false)
                .networkAllowList(List.of("10.0.0.0/8", "192.168.0.0/16")).domainAllowList(List.of("registry.npmjs.org")).build());

        assertThat(sandbox.id()).isEqualTo("sbx-1");
        assertThat(sandbox.state()).isEqualTo(SandboxState.STARTED);
        assertThat(sandbox.autoStop()).isEqualTo(Duration.ofMinutes(15));
        assertThat(sandbox.memoryGb()).isEqualTo(1.0);
        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Daytona-Source", equalTo("sandbox-orchestrator-java"))
                .withHeader("X-Daytona-SDK-Version", equalTo("0.190.0"))
                .withHeader("User-Agent", matching("sandbox-orchestrator-java/\\d+\\.\\d+\\.\\d+.*"))
                .withHeader("X-Daytona-Organization-ID", absent())
                .withRequestBody(equalToJson("{\"snapshot\":\"daytona-small\",\"name\":\"coffee\",\"public\":false,"
                        + "\"autoStopInterval\":60,\"autoArchiveInterval\":10080,\"autoDeleteInterval\":2,\"networkBlockAll\":false,"
                        + "\"networkAllowList\":\"10.0.0.0/8,192.168.0.0/16\",\"domainAllowList\":\"registry.npmjs.org\","
                        + "\"env\":{\"NODE_ENV\":\"production\"},\"target\":\"eu\","
                        + "\"labels\":{\"app\":\"coffee\",\"sandbox-orchestrator/create-token\":\"${json-unit.any-string}\"}}")));
    }

    @Test
    void createFromAnImageSendsAOneLineDockerfileAndTheResources() {
        wm.stubFor(post("/api/sandbox").willReturn(okJson(sandboxJson("sbx-2", "pending_build"))));

        client.sandboxes().create(CreateSandboxRequest.builder().image("node:20-bookworm").resources(2, 4, 8).build());

        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox")).withRequestBody(equalToJson("{\"cpu\":2,\"memory\":4,\"disk\":8,"
                + "\"buildInfo\":{\"dockerfileContent\":\"FROM node:20-bookworm\\n\"},\"env\":{},"
                + "\"labels\":{\"sandbox-orchestrator/create-token\":\"${json-unit.any-string}\"}}")));
    }

    @Test
    void createRequestsThatDaytonaWouldRejectFailBeforeAnyCall() {
        assertThatThrownBy(() -> CreateSandboxRequest.builder().snapshot("daytona-small").resources(2, 4, 8).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("resources: Daytona sets resources only for a sandbox made from an image");
        assertThatThrownBy(() -> CreateSandboxRequest.builder().snapshot("s").image("node:20").build())
                .isInstanceOf(InvalidInputException.class).hasMessage("image: give either a snapshot or an image, not both");
        assertThatThrownBy(() -> CreateSandboxRequest.builder().image("node:20\nRUN curl evil | sh"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("image: must be an image reference");
        assertThatThrownBy(() -> CreateSandboxRequest.builder().autoStop(Duration.ofMinutes(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessage("autoStop: must not be negative: PT-1M");
        assertThatThrownBy(() -> CreateSandboxRequest.builder().env("1BAD", "x"))
                .isInstanceOf(InvalidInputException.class).hasMessage("env.1BAD: is not a valid environment variable name");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void intervalsAreRoundedUpToWholeMinutesSoShortOnesAreNotDisabled() {
        assertThat(CreateSandboxRequest.minutes("x", Duration.ZERO)).isZero();
        assertThat(CreateSandboxRequest.minutes("x", Duration.ofSeconds(1))).isEqualTo(1);
        assertThat(CreateSandboxRequest.minutes("x", Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(CreateSandboxRequest.minutes("x", Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(CreateSandboxRequest.minutes("x", Duration.ofHours(24))).isEqualTo(1440);
    }

    @Test
    void getParsesTheSandboxAndFindTurns404IntoEmpty() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "some_future_state"))));
        wm.stubFor(get("/api/sandbox/gone").willReturn(aResponse().withStatus(404)
                .withBody("{\"statusCode\":404,\"message\":\"Sandbox with ID or name gone not found\",\"error\":\"Not Found\"}")));

        Sandbox sandbox = client.sandboxes().get("sbx-1");

        assertThat(sandbox.state()).isEqualTo(SandboxState.UNKNOWN);
        assertThat(sandbox.labels()).containsEntry("app", "coffee");
        assertThat(sandbox.environment()).containsEntry("SECRET_TOKEN", "hunter2");
        assertThat(sandbox.toString()).contains("SECRET_TOKEN").doesNotContain("hunter2");
        assertThat(client.sandboxes().find("gone")).isEmpty();
    }

    @Test
    void listIsLazyFollowsTheCursorAndSendsLabelsAsJsonAndStatesRepeated() {
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).withQueryParam("cursor", absent()).willReturn(okJson(
                "{\"items\":[" + sandboxJson("a", "started") + "," + sandboxJson("b", "stopped") + "],\"nextCursor\":\"c2\"}")));
        wm.stubFor(get(urlPathEqualTo("/api/sandbox")).withQueryParam("cursor", equalTo("c2")).willReturn(okJson(
                "{\"items\":[" + sandboxJson("c", "started") + "],\"nextCursor\":null}")));
        SandboxQuery query = SandboxQuery.labels(Map.of("app", "coffee", "owner", "alice"))
                .withStates(SandboxState.STARTED, SandboxState.STOPPED).withPageSize(2);

        assertThat(client.sandboxes().list(query).findFirst()).map(Sandbox::id).contains("a");
        assertThat(wm.getAllServeEvents()).hasSize(1);
        assertThat(client.sandboxes().list(query).map(Sandbox::id)).containsExactly("a", "b", "c");

        wm.verify(getRequestedFor(urlEqualTo("/api/sandbox?limit=2&labels=%7B%22app%22%3A%22coffee%22%2C%22owner%22%3A%22alice%22%7D"
                + "&states=started&states=stopped")));
        wm.verify(getRequestedFor(urlEqualTo("/api/sandbox?limit=2&cursor=c2&labels=%7B%22app%22%3A%22coffee%22%2C%22owner%22%3A%22alice%22%7D"
                + "&states=started&states=stopped")));
    }

    @Test
    void startWaitsForStartedWithGrowingPausesThatNeverBusyWait() {
        wm.stubFor(post("/api/sandbox/sbx-1/start").willReturn(okJson(sandboxJson("sbx-1", "starting"))));
        wm.stubFor(get("/api/sandbox/sbx-1").inScenario("start").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(sandboxJson("sbx-1", "starting"))));
        for (int i = 0; i < 6; i++) {
            wm.stubFor(get("/api/sandbox/sbx-1").inScenario("start").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll" + i)
                    .willReturn(okJson(sandboxJson("sbx-1", i < 5 ? "starting" : "started"))).willSetStateTo("poll" + (i + 1)));
        }

        Sandbox started = client.sandboxes().start("sbx-1", Duration.ofMinutes(1));

        assertThat(started.state()).isEqualTo(SandboxState.STARTED);
        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/start")).withHeader("Content-Type", absent()));
        assertThat(sleeps).hasSize(5).allSatisfy(pause -> assertThat(pause).isBetween(Duration.ofMillis(50), Duration.ofSeconds(1)));
        assertThat(sleeps.get(4)).isGreaterThan(sleeps.get(0));
    }

    @Test
    void waitingFailsAtOnceWhenTheSandboxEndsInErrorWithDaytonasReason() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "build_failed")
                .replace("\"state\"", "\"errorReason\":\"npm not found in image\",\"state\""))));

        assertThatThrownBy(() -> client.sandboxes().waitFor("sbx-1", SandboxState.STARTED, Duration.ofMinutes(5)))
                .isInstanceOf(SandboxOrchestratorException.class)
                .hasMessage("Daytona sandbox sbx-1 is build_failed instead of started: npm not found in image");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void waitingTimesOutNamingTheLastState() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "pulling_snapshot"))));

        assertThatThrownBy(() -> client.sandboxes().waitFor("sbx-1", SandboxState.STARTED, Duration.ofMillis(300)))
                .isInstanceOf(SandboxTimeoutException.class)
                .hasMessageStartingWith("Timed out after 300 ms waiting for Daytona sandbox sbx-1 to be started")
                .hasMessageContaining("Its last state was pulling_snapshot.");
    }

    @Test
    void stopSendsForceOnlyWhenAskedAndWaitsForStopped() {
        wm.stubFor(post(urlPathEqualTo("/api/sandbox/sbx-1/stop")).willReturn(okJson(sandboxJson("sbx-1", "stopped"))));

        client.sandboxes().stop("sbx-1", false, Duration.ofMinutes(1));
        client.sandboxes().stop("sbx-1", true, Duration.ofMinutes(1));

        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/stop")));
        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/stop?force=true")));
    }

    @Test
    void deleteAutoStopActivityAndLabelsCallTheirRoutes() {
        wm.stubFor(delete("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "destroying"))));
        wm.stubFor(delete("/api/sandbox/gone").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"not found\"}")));
        wm.stubFor(post("/api/sandbox/sbx-1/autostop/120").willReturn(okJson(sandboxJson("sbx-1", "started"))));
        wm.stubFor(post("/api/sandbox/sbx-1/last-activity").willReturn(aResponse().withStatus(201)));
        wm.stubFor(put("/api/sandbox/sbx-1/labels").willReturn(okJson("{\"labels\":{\"app\":\"tea\"}}")));

        assertThat(client.sandboxes().delete("sbx-1")).isTrue();
        assertThat(client.sandboxes().delete("gone")).isFalse();
        client.sandboxes().setAutoStop("sbx-1", Duration.ofHours(2));
        client.sandboxes().refreshActivity("sbx-1");
        assertThat(client.sandboxes().replaceLabels("sbx-1", Map.of("app", "tea"))).containsExactly(Map.entry("app", "tea"));

        wm.verify(deleteRequestedFor(urlEqualTo("/api/sandbox/sbx-1")));
        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/autostop/120")).withHeader("Content-Type", absent()));
        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/last-activity")));
        wm.verify(putRequestedFor(urlEqualTo("/api/sandbox/sbx-1/labels")).withRequestBody(equalToJson("{\"labels\":{\"app\":\"tea\"}}")));
    }

    @Test
    void sandboxIdsAreEncodedAsOnePathSegment() {
        wm.stubFor(get("/api/sandbox/a%2Fb%20c").willReturn(okJson(sandboxJson("a/b c", "started"))));

        assertThat(client.sandboxes().get("a/b c").id()).isEqualTo("a/b c");
    }

    @Test
    void organizationIdIsSentOnlyWhenConfigured() {
        wm.stubFor(get("/api/sandbox/sbx-1").willReturn(okJson(sandboxJson("sbx-1", "started"))));

        builder().organizationId("org-7").build().sandboxes().get("sbx-1");

        wm.verify(getRequestedFor(urlEqualTo("/api/sandbox/sbx-1")).withHeader("X-Daytona-Organization-ID", equalTo("org-7")));
    }
}
