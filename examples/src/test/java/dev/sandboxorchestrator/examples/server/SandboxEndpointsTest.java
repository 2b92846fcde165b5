package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.ALICE;
import static dev.sandboxorchestrator.examples.server.TestServer.BOB;
import static dev.sandboxorchestrator.examples.server.TestServer.createBody;
import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sandboxorchestrator.core.SandboxOrchestrator;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SandboxEndpointsTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createAnswersTheGuidesShapeOnceThePreviewAnswers() {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, createBody("My App"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("message").asText()).isEqualTo("Sandbox created successfully");
        JsonNode sandbox = body.get("sandbox");
        String id = sandbox.get("sandboxId").asText();
        assertThat(sandbox.get("workspaceName").asText()).isEqualTo("my-app");
        assertThat(sandbox.get("status").asText()).isEqualTo("running");
        assertThat(sandbox.get("apiUrl").asText()).isEqualTo("/api/sandbox/" + id);
        assertThat(Instant.parse(sandbox.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(body.get("previewUrl").asText()).isEqualTo(sandbox.get("previewUrl").asText()).startsWith("http://127.0.0.1:");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(server.send(java.net.http.HttpRequest.newBuilder(URI.create(body.get("previewUrl").asText()))).statusCode()).isEqualTo(200);
    }

    @Test
    void createLabelsTheSandboxWithTheCallersOwnerName() {
        String id = json(server.post(Routes.CREATE, ALICE, createBody("labelled"))).get("sandbox").get("sandboxId").asText();

        assertThat(server.provider.get(id).labels()).containsEntry(SandboxOrchestrator.LABEL_OWNER, "alice");
    }

    @Test
    void getAnswersTheSandboxObject() {
        String id = json(server.post(Routes.CREATE, ALICE, createBody("shown"))).get("sandbox").get("sandboxId").asText();

        HttpResponse<String> response = server.get("/api/sandbox/" + id, ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sandbox = json(response);
        assertThat(sandbox.get("sandboxId").asText()).isEqualTo(id);
        assertThat(sandbox.get("workspaceName").asText()).isEqualTo("shown");
        assertThat(sandbox.get("status").asText()).isEqualTo("running");
        assertThat(sandbox.get("previewUrl").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void listAnswersOnlyTheCallersSandboxes() {
        server.post(Routes.CREATE, ALICE, createBody("alice-one"));
        server.post(Routes.CREATE, ALICE, createBody("alice-two"));
        server.post(Routes.CREATE, BOB, createBody("bob-one"));

        JsonNode alice = json(server.get(Routes.SANDBOXES, ALICE)).get("sandboxes");
        JsonNode bob = json(server.get(Routes.SANDBOXES, BOB)).get("sandboxes");

        assertThat(alice.findValuesAsText("workspaceName")).containsExactly("alice-one", "alice-two");
        assertThat(bob.findValuesAsText("workspaceName")).containsExactly("bob-one");
    }

    @Test
    void deleteRemovesTheSandboxAndThenItIsNotFound() {
        String id = json(server.post(Routes.CREATE, ALICE, createBody("doomed"))).get("sandbox").get("sandboxId").asText();

        HttpResponse<String> deleted = server.delete("/api/sandbox/" + id, ALICE);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("success").asBoolean()).isTrue();
        assertThat(json(deleted).get("message").asText()).isEqualTo("Sandbox " + id + " deleted");
        assertThat(server.sandboxes()).isZero();
        HttpResponse<String> after = server.get("/api/sandbox/" + id, ALICE);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(json(after).get("error").asText()).isEqualTo("Not found");
        assertThat(json(after).get("message").asText()).isEqualTo("No sandbox with id " + id);
    }

    @Test
    void anotherOwnersSandboxIsAnsweredExactlyLikeAnUnknownOne() {
        String id = json(server.post(Routes.CREATE, ALICE, createBody("private"))).get("sandbox").get("sandboxId").asText();

        HttpResponse<String> read = server.get("/api/sandbox/" + id, BOB);
        HttpResponse<String> delete = server.delete("/api/sandbox/" + id, BOB);
        HttpResponse<String> events = server.get("/api/sandbox/" + id + "/events", BOB);
        HttpResponse<String> unknown = server.get("/api/sandbox/fake-999", BOB);

        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(json(read).get("message").asText()).isEqualTo("No sandbox with id " + id);
        assertThat(json(unknown).get("message").asText()).isEqualTo("No sandbox with id fake-999");
        assertThat(delete.statusCode()).isEqualTo(404);
        assertThat(events.statusCode()).isEqualTo(404);
        assertThat(server.sandboxes()).isEqualTo(1);
        assertThat(json(server.get(Routes.SANDBOXES, BOB)).get("sandboxes")).isEmpty();
    }

    @Test
    void generateAnswersTheSandboxAndItsPreviewUrl() {
        HttpResponse<String> response = server.post(Routes.GENERATE, ALICE, "{\"prompt\": \"A landing page for a bakery\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("previewUrl").asText()).isEqualTo(body.get("sandbox").get("previewUrl").asText());
        assertThat(body.get("sandbox").get("workspaceName").asText()).isEqualTo("a-landing-page-for-a-bakery");
        assertThat(server.provider.get(body.get("sandbox").get("sandboxId").asText()).labels())
                .containsEntry(SandboxOrchestrator.LABEL_OWNER, "alice");
    }

    @Test
    void generateFailsWith400WhenThePromptIsMissingOrBlank() {
        for (String body : new String[] {"{}", "{\"prompt\": \"  \"}", "{\"prompt\": 42}"}) {
            HttpResponse<String> response = server.post(Routes.GENERATE, ALICE, body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("Invalid request");
            assertThat(json(response).get("message").asText()).isEqualTo("prompt must be a non-empty string describing the app");
        }
        assertThat(server.sandboxes()).isZero();
    }

    @Test
    void aFailedBuildIsA500WithThePhaseAndLogButNoStackTraceAndLeavesNoSandbox() {
        server.failBuilds();

        HttpResponse<String> response = server.post(Routes.GENERATE, ALICE, "{\"prompt\": \"a broken page\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("Failed to create sandbox");
        assertThat(body.get("message").asText()).startsWith("build failed in sandbox fake-1").contains("TS2322");
        assertThat(response.body()).doesNotContain("\tat ", "Exception");
        assertThat(server.sandboxes()).isZero();
    }

    @Test
    void noProviderIsA503WithTheProvidersReason() {
        server.provider.failCreate(new ServiceUnavailableException("the fake service is switched off; set FAKE_KEY to use it"));

        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, createBody("nowhere"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).get("error").asText()).isEqualTo("Sandbox service not available");
        assertThat(json(response).get("message").asText()).isEqualTo("the fake service is switched off; set FAKE_KEY to use it");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOnes() {
        HttpResponse<String> getCreate = server.get(Routes.CREATE, ALICE);
        HttpResponse<String> postSandbox = server.post("/api/sandbox/fake-1", ALICE, "{}");

        assertThat(getCreate.statusCode()).isEqualTo(405);
        assertThat(getCreate.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(getCreate).get("error").asText()).isEqualTo("Method not allowed");
        assertThat(json(getCreate).get("message").asText()).isEqualTo("GET is not supported on /api/sandbox/create; use POST");
        assertThat(postSandbox.statusCode()).isEqualTo(405);
        assertThat(postSandbox.headers().firstValue("Allow")).hasValue("GET, DELETE");
    }

    @Test
    void anUnknownEndpointIs404() {
        HttpResponse<String> response = server.get("/api/nothing/here", ALICE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("Not found");
        assertThat(json(response).get("message").asText()).isEqualTo("no such endpoint: GET /api/nothing/here");
    }

    @Test
    void aCreateRequestMayCarryEnvironmentAutoStopAndScripts() {
        String body = TestServer.write(Map.of("generatedCode", Map.of("app/page.tsx", "export default function P() { return null; }"),
                "projectName", "configured", "environment", Map.of("GREETING", "hello"), "autoStop", 2,
                "buildScript", "build", "startScript", "start"));

        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("sandbox").get("workspaceName").asText()).isEqualTo("configured");
    }
}
