package dev.sandboxorchestrator.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Parses server-sent events as a test reads them. */
record Sse(long id, String type, JsonNode data) {

    static List<Sse> parse(String text) {
        List<Sse> events = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            long id = 0;
            String type = "message";
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                try {
                    events.add(new Sse(id, type, TestServer.JSON.readTree(data)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return events;
    }

    static List<String> types(List<Sse> events) {
        return events.stream().map(Sse::type).toList();
    }

    /** "phase started" / "phase completed" become e.g. "build:started". */
    static List<String> phases(List<Sse> events) {
        return events.stream().filter(event -> event.type().equals("phase"))
                .map(event -> event.data().get("phase").asText() + ":" + event.data().get("state").asText()).toList();
    }
}
