package dev.sandboxorchestrator.generator.claude.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartialJsonFilesTest {
    private final List<String> events = new ArrayList<>();
    private final PartialJsonFiles tracker = new PartialJsonFiles(new PartialJsonFiles.Listener() {
        @Override
        public void started(String kind, String path) {
            events.add(kind + " started: " + path);
        }

        @Override
        public void finished(String kind, String path) {
            events.add(kind + " finished: " + path);
        }
    });

    private static String input() {
        ObjectNode input = Json.object().put("title", "Brew \"Club\"").put("description", "Coffee, weekly ☕");
        input.putArray("files").add(Json.object().put("path", "app/page.tsx").put("content", "export default () => <p>{\"}\\\\\"]\"}</p>;\n"))
                .add(Json.object().put("content", "body{}\n").put("path", "app/globals\\u0041.css"))
                .add(Json.object().put("path", "components/Café.tsx").put("content", "[{\"path\":\"fake.tsx\"}]"));
        input.putArray("edits").add(Json.object().put("path", "app/layout.tsx").put("old", "a").put("new", "b"));
        input.putArray("dependencies").add(Json.object().put("name", "recharts").put("version", "2.15.4"));
        return input.toString();
    }

    @Test
    void reportsEachFileWhenItsPathIsReadAndWhenItsObjectCloses() {
        tracker.feed(input());

        assertThat(events).containsExactly(
                "file started: app/page.tsx", "file finished: app/page.tsx",
                "file started: app/globals\\u0041.css", "file finished: app/globals\\u0041.css",
                "file started: components/Café.tsx", "file finished: components/Café.tsx",
                "edit started: app/layout.tsx", "edit finished: app/layout.tsx");
    }

    @Test
    void chunksSplitAnywhereGiveTheSameEventsAndParts() {
        String json = input();
        PartialJsonFiles whole = new PartialJsonFiles(new PartialJsonFiles.Listener() {
            @Override
            public void started(String kind, String path) {
            }

            @Override
            public void finished(String kind, String path) {
            }
        });
        whole.feed(json);
        Random random = new Random(42);
        for (int at = 0; at < json.length(); ) {
            int size = 1 + random.nextInt(7);
            tracker.feed(json.substring(at, Math.min(json.length(), at + size)));
            at += size;
        }

        assertThat(events).hasSize(8);
        assertThat(tracker.completeParts()).isEqualTo(whole.completeParts());
        assertThat(tracker.completeParts().get("files")).hasSize(3);
        assertThat(tracker.completeParts().path("title").asText()).isEqualTo("Brew \"Club\"");
    }

    @Test
    void anInputCutOffKeepsOnlyCompleteItemsAndNamesTheOneBeingWritten() {
        String json = input();
        String cut = json.substring(0, json.indexOf("body{}"));

        tracker.feed(cut);

        JsonNode parts = tracker.completeParts();
        assertThat(parts.get("files")).hasSize(1);
        assertThat(parts.get("files").get(0).get("path").asText()).isEqualTo("app/page.tsx");
        assertThat(parts.get("description").asText()).isEqualTo("Coffee, weekly ☕");
        assertThat(tracker.inProgress()).isNull();
        tracker.feed("body{}\\n\",\"path\":\"app/globals.css\"");
        assertThat(tracker.inProgress()).isEqualTo("app/globals.css");
        assertThat(events).containsExactly("file started: app/page.tsx", "file finished: app/page.tsx", "file started: app/globals.css");
    }
}
