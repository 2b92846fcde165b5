package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.generator.claude.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The recorded transcripts, answers in our tool schemas, and WireMock helpers shared by the tests. */
final class Fixtures {
    static final String KEY = "sk-ant-api03-test-key-0123456789";
    static final String MODEL = "claude-sonnet-5";
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    static final Map<String, String> APP = appFiles();

    private Fixtures() {
    }

    private static Map<String, String> appFiles() {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("app/page.tsx", "import Counter from \"../components/Counter\";\n\nexport default function Page() {\n"
                + "  return <main className=\"p-8\"><h1>Brew &quot;Club&quot; café ☕</h1><Counter /></main>;\n}\n");
        files.put("app/layout.tsx", "import \"./globals.css\";\n\nexport const metadata = { title: \"Brew Club\" };\n\n"
                + "export default function RootLayout({ children }: { children: React.ReactNode }) {\n"
                + "  return <html lang=\"en\"><body>{children}</body></html>;\n}\n");
        files.put("app/globals.css", "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n");
        files.put("components/Counter.tsx", "\"use client\";\nimport { useState } from \"react\";\n\nexport default function Counter() {\n"
                + "  const [n, setN] = useState(0);\n  return <button onClick={() => setN(n + 1)}>Cups: {n} \\o/</button>;\n}\n");
        return java.util.Collections.unmodifiableMap(files);
    }

    /** A write_app input. */
    static String writeApp(String title, String description, Map<String, String> files, Map<String, String> dependencies) {
        ObjectNode input = Json.object().put("title", title).put("description", description);
        ArrayNode list = input.putArray("files");
        files.forEach((path, content) -> list.addObject().put("path", path).put("content", content));
        ArrayNode deps = input.putArray("dependencies");
        dependencies.forEach((name, version) -> deps.addObject().put("name", name).put("version", version));
        return input.toString();
    }

    /** An apply_changes input: whole files, then edits given as path, old, new, path, old, new… */
    static String applyChanges(Map<String, String> files, String... edits) {
        ObjectNode input = Json.object().put("summary", "Fixed it.");
        ArrayNode list = input.putArray("files");
        files.forEach((path, content) -> list.addObject().put("path", path).put("content", content));
        ArrayNode editList = input.putArray("edits");
        for (int i = 0; i + 2 < edits.length + 1; i += 3) {
            editList.addObject().put("path", edits[i]).put("old", edits[i + 1]).put("new", edits[i + 2]);
        }
        input.putArray("dependencies");
        return input.toString();
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /anthropic/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode transcript(String name) {
        try {
            return Json.MAPPER.readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", EVENT_STREAM).withHeader("request-id", "req_011Stream")
                .withBody(body);
    }

    static MappingBuilder messages() {
        return post(urlEqualTo("/v1/messages"));
    }

    /** Answers the calls in order, one response each; the last one repeats. */
    static void answers(WireMockExtension wm, ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = i + 1 < responses.length ? "call " + (i + 2) : state;
            wm.stubFor(messages().inScenario("calls").whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    static List<JsonNode> requestBodies(WireMockExtension wm) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : requests(wm)) {
            try {
                bodies.add(Json.MAPPER.readTree(request.getBodyAsString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bodies;
    }

    static List<LoggedRequest> requests(WireMockExtension wm) {
        return wm.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
    }

    /** The text of the last user message of a request. */
    static String lastUserText(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        StringBuilder text = new StringBuilder();
        for (JsonNode block : last.path("content")) {
            text.append(block.path("text").asText("")).append(block.path("content").asText(""));
        }
        return text.toString();
    }
}
