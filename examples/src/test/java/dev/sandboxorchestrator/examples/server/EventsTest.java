package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.ALICE;
import static dev.sandboxorchestrator.examples.server.TestServer.BOB;
import static dev.sandboxorchestrator.examples.server.TestServer.createBody;
import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Following a request's progress as server-sent events, live and replayed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventsTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anAsyncCreateAnswers202AndItsStreamEndsWithTheSameBodyAsASyncCreate() {
        HttpResponse<String> accepted = server.post(Routes.CREATE + "?async=true", ALICE, createBody("async-app"));

        assertThat(accepted.statusCode()).isEqualTo(202);
        String requestId = json(accepted).get("requestId").asText();
        assertThat(requestId).startsWith("req-");
        assertThat(json(accepted).get("eventsUrl").asText()).isEqualTo("/api/sandbox/" + requestId + "/events");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/sandbox/" + requestId + "/events");
        assertThat(accepted.headers().firstValue("X-Request-Id")).hasValue(requestId);

        HttpResponse<String> stream = server.get(json(accepted).get("eventsUrl").asText(), ALICE);

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        List<Sse> events = Sse.parse(stream.body());
        assertThat(Sse.phases(events)).containsSubsequence("validate:started", "convert:completed", "create:completed",
                "upload:completed", "install:completed", "build:started", "build:completed", "start:completed", "ready:completed");
        assertThat(Sse.types(events)).containsSubsequence("sandbox", "file", "log", "ready", "done").last().isEqualTo("done");
        assertThat(events).extracting(Sse::id).isSorted().doesNotHaveDuplicates();
        JsonNode done = events.get(events.size() - 1).data();
        assertThat(done.get("success").asBoolean()).isTrue();
        assertThat(done.get("message").asText()).isEqualTo("Sandbox created successfully");
        assertThat(done.get("sandbox").get("workspaceName").asText()).isEqualTo("async-app");
        assertThat(json(server.get(Routes.SANDBOXES, ALICE)).get("sandboxes").findValuesAsText("sandboxId"))
                .containsExactly(done.get("sandbox").get("sandboxId").asText());
    }

    @Test
    void aFollowerSeesEventsLiveWhileTheRequestRuns() throws Exception {
        server.holdBuilds();
        String eventsUrl = json(server.post(Routes.GENERATE + "?async=true", ALICE, "{\"prompt\": \"a live page\"}")).get("eventsUrl").asText();
        HttpResponse<InputStream> stream = server.http.send(server.request(eventsUrl, ALICE).GET().build(), HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; !seen.toString().contains("\"phase\":\"build\",\"state\":\"started\"") && (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
            }
            assertThat(seen.toString()).contains("event: sandbox").doesNotContain("event: done");

            server.releaseBuilds();
            for (String line; (line = lines.readLine()) != null; ) {
                seen.append(line).append('\n');
            }
            List<Sse> events = Sse.parse(seen.toString());
            assertThat(Sse.types(events)).last().isEqualTo("done");
            assertThat(events.get(events.size() - 1).data().get("previewUrl").asText()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void aReconnectingFollowerGetsOnlyWhatItMissed() {
        String eventsUrl = json(server.post(Routes.CREATE + "?async=true", ALICE, createBody("replayed"))).get("eventsUrl").asText();
        List<Sse> all = Sse.parse(server.get(eventsUrl, ALICE).body());

        List<Sse> rest = Sse.parse(server.send(server.request(eventsUrl, ALICE).header("Last-Event-ID", "5")).body());

        assertThat(rest).isEqualTo(all.subList(5, all.size()));
        assertThat(rest.get(0).id()).isEqualTo(6);
    }

    @Test
    void aSynchronousCreateCanBeFollowedByAClientChosenRequestIdAndByItsSandboxId() {
        HttpResponse<String> created = server.send(server.request(Routes.CREATE, ALICE).header("Content-Type", "application/json")
                .header("X-Request-Id", "my-request-0001").POST(HttpRequest.BodyPublishers.ofString(createBody("followed"))));
        String sandboxId = json(created).get("sandbox").get("sandboxId").asText();

        List<Sse> byRequest = Sse.parse(server.get("/api/sandbox/my-request-0001/events", ALICE).body());
        List<Sse> bySandbox = Sse.parse(server.get("/api/sandbox/" + sandboxId + "/events", ALICE).body());

        assertThat(created.headers().firstValue("X-Request-Id")).hasValue("my-request-0001");
        assertThat(Sse.types(byRequest)).last().isEqualTo("done");
        assertThat(bySandbox).isEqualTo(byRequest);
    }

    @Test
    void aRequestIdInUseIs409AndABadOneIs400() {
        server.send(server.request(Routes.CREATE, ALICE).header("Content-Type", "application/json")
                .header("X-Request-Id", "request-twice").POST(HttpRequest.BodyPublishers.ofString(createBody("first"))));

        HttpResponse<String> again = server.send(server.request(Routes.CREATE, ALICE).header("Content-Type", "application/json")
                .header("X-Request-Id", "request-twice").POST(HttpRequest.BodyPublishers.ofString(createBody("second"))));
        HttpResponse<String> bad = server.send(server.request(Routes.CREATE, ALICE).header("Content-Type", "application/json")
                .header("X-Request-Id", "no").POST(HttpRequest.BodyPublishers.ofString(createBody("third"))));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("error").asText()).isEqualTo("Conflict");
        assertThat(json(again).get("message").asText()).isEqualTo("request id request-twice is already in use; send a new one");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("message").asText()).isEqualTo("X-Request-Id must be 8-64 letters, digits, '-' or '_'");
        assertThat(server.sandboxes()).isEqualTo(1);
    }

    @Test
    void aFailedAsyncRequestEndsItsStreamWithTheErrorAndItsStatus() {
        server.failBuilds();
        String eventsUrl = json(server.post(Routes.GENERATE + "?async=true", ALICE, "{\"prompt\": \"a broken page\"}")).get("eventsUrl").asText();

        List<Sse> events = Sse.parse(server.get(eventsUrl, ALICE).body());

        assertThat(Sse.types(events)).containsSubsequence("failed", "error").last().isEqualTo("error");
        JsonNode error = events.get(events.size() - 1).data();
        assertThat(error.get("status").asInt()).isEqualTo(500);
        assertThat(error.get("error").asText()).isEqualTo("Failed to create sandbox");
        assertThat(error.get("message").asText()).startsWith("build failed in sandbox");
    }

    @Test
    void invalidInputIsRejectedBeforeAnAsyncRequestIsAccepted() {
        HttpResponse<String> response = server.post(Routes.CREATE + "?async=true", ALICE, createBody("bad", java.util.Map.of("../x.js", "x")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("../x.js: path escapes the project ('..')");
    }

    @Test
    void anotherOwnerCannotFollowTheStreamAndUnknownStreamsAre404() {
        String eventsUrl = json(server.post(Routes.CREATE + "?async=true", ALICE, createBody("mine"))).get("eventsUrl").asText();

        HttpResponse<String> bob = server.get(eventsUrl, BOB);
        HttpResponse<String> unknown = server.get("/api/sandbox/req-unknown/events", ALICE);

        assertThat(bob.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText())
                .isEqualTo("No events for req-unknown; they are kept for recent create and generate requests");
    }

    @Test
    void aLastEventIdThatIsNotANumberIs400() {
        String eventsUrl = json(server.post(Routes.CREATE + "?async=true", ALICE, createBody("numbered"))).get("eventsUrl").asText();

        HttpResponse<String> response = server.send(server.request(eventsUrl, ALICE).header("Last-Event-ID", "abc"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("Last-Event-ID must be the number of an event, not abc");
    }
}
