package dev.sandboxorchestrator.examples.server;

import static dev.sandboxorchestrator.examples.server.TestServer.ALICE;
import static dev.sandboxorchestrator.examples.server.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.examples.api.CreateRequest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad create request gets a 4xx with a clear message, and nothing is created. */
class InvalidRequestsTest {
    private final TestServer server = TestServer.start(builder -> builder.maxBodyBytes(4096));

    @AfterEach
    void stop() {
        assertThat(server.sandboxes()).as("sandboxes created by a bad request").isZero();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"generatedCode\": \"<h1>hi</h1>\"}", "{\"generatedCode\": [\"index.html\"]}",
            "{\"generatedCode\": {}}", "{\"generatedCode\": null}", "{\"generatedCode\": 7}"})
    void generatedCodeThatIsNotAFilenameToContentMapIsRejectedWithTheGuidesMessage(String body) {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("Invalid request");
        assertThat(json(response).get("message").asText()).isEqualTo("generatedCode must be an object with filename -> content mapping");
    }

    @Test
    void fileContentThatIsNotAStringIsRejectedNamingTheFile() {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, "{\"generatedCode\": {\"index.html\": 42}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText())
                .isEqualTo(CreateRequest.CODE_SHAPE + " (the content of index.html is not a string)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"generatedCode\": {\"index.html\": \"x\"|request body is not valid JSON: Unexpected end-of-input",
        "{\"generatedCode\": {\"a\": \"x\", \"a\": \"y\"}}|request body is not valid JSON: Duplicate field 'a'",
        "{\"generatedCode\": {\"a\": \"x\"}} {}|request body is not valid JSON: Trailing token",
        "[1, 2]|body: must be a JSON object",
        "{\"generatedCode\": {\"a.html\": \"x\"}, \"projectName\": 5}|projectName: must be a string",
        "{\"generatedCode\": {\"a.html\": \"x\"}, \"autoStop\": \"soon\"}|autoStop: must be a number of hours between 0 and 720",
        "{\"generatedCode\": {\"a.html\": \"x\"}, \"environment\": [\"A=1\"]}|environment: must be an object of name -> value strings",
        "{\"generatedCode\": {\"a.html\": \"x\"}, \"environment\": {\"1BAD\": \"x\"}}|environment.1BAD: is not a valid environment variable name",
    })
    void malformedJsonAndWrongTypesAreRejectedWithWhatIsWrong(String body, String message) {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("Invalid request");
        assertThat(json(response).get("message").asText()).startsWith(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "../escape.js|../escape.js: path escapes the project ('..')",
        "/etc/passwd|/etc/passwd: path must be relative to the project, not absolute",
        "app\\page.tsx|app\\page.tsx: path must use forward slashes",
        "node_modules/x.js|node_modules/x.js: path is inside node_modules/, which the sandbox manages itself",
        "a//b.js|a//b.js: path is not normalised (empty or '.' segment)",
    })
    void badFilePathsAreRejectedNamingThePath(String path, String message) {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, TestServer.createBody("paths", Map.of(path, "x")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo(message);
    }

    @Test
    void anEmptyBodyIsRejected() {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("request body is empty; send a JSON object");
    }

    @Test
    void aBodyOverTheLimitIs413ByItsContentLength() {
        HttpResponse<String> response = server.post(Routes.CREATE, ALICE, TestServer.createBody("big", Map.of("a.html", "x".repeat(5000))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).isEqualTo("Payload too large");
        assertThat(json(response).get("message").asText()).isEqualTo("request body is larger than the limit of 4096 bytes");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhileReading() {
        byte[] body = TestServer.createBody("big", Map.of("a.html", "x".repeat(5000))).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder request = server.request(Routes.CREATE, ALICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        HttpResponse<String> response = server.send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("message").asText()).isEqualTo("request body is larger than the limit of 4096 bytes");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> response = server.send(server.request(Routes.CREATE, ALICE).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("generatedCode=x")));
        HttpResponse<String> missing = server.send(server.request(Routes.GENERATE, ALICE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"x\"}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").asText()).isEqualTo("Unsupported media type");
        assertThat(json(response).get("message").asText()).isEqualTo("Content-Type must be application/json, not text/plain");
        assertThat(missing.statusCode()).isEqualTo(415);
        assertThat(json(missing).get("message").asText()).isEqualTo("Content-Type must be application/json");
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        HttpResponse<String> response = server.send(server.request(Routes.GENERATE, ALICE).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\": \"\"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("message").asText()).isEqualTo("prompt must be a non-empty string describing the app");
    }
}
