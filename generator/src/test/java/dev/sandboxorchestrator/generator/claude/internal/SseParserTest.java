package dev.sandboxorchestrator.generator.claude.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private static List<SseParser.Event> parse(String stream) throws IOException {
        List<SseParser.Event> events = new ArrayList<>();
        SseParser.parse(new StringReader(stream), events::add);
        return events;
    }

    @Test
    void eventsEndAtBlankLinesAndCarryTheirName() throws IOException {
        assertThat(parse("event: ping\ndata: {\"type\": \"ping\"}\n\nevent: message_stop\ndata: {}\n\n"))
                .containsExactly(new SseParser.Event("ping", "{\"type\": \"ping\"}"), new SseParser.Event("message_stop", "{}"));
    }

    @Test
    void commentsAreSkippedAndDataLinesJoinWithNewlines() throws IOException {
        assertThat(parse(": keep-alive\nevent: x\ndata: one\ndata: two\n\n"))
                .containsExactly(new SseParser.Event("x", "one\ntwo"));
    }

    @Test
    void crlfAndCrLineEndsAreAccepted() throws IOException {
        assertThat(parse("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r"))
                .containsExactly(new SseParser.Event("a", "1"), new SseParser.Event("b", "2"));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDroppedAndNoSpaceIsFine() throws IOException {
        assertThat(parse("data:x\n\ndata:  y\n\n")).containsExactly(new SseParser.Event("message", "x"), new SseParser.Event("message", " y"));
    }

    @Test
    void anEventWithoutDataIsNotDeliveredNorIsAnUnfinishedOneAtTheEnd() throws IOException {
        assertThat(parse("event: lonely\n\nid: 7\nretry: 10\n\nevent: cut\ndata: {\"type\"")).isEmpty();
    }

    @Test
    void theSinkCanStopTheParser() throws IOException {
        List<SseParser.Event> seen = new ArrayList<>();
        SseParser.parse(new StringReader("data: 1\n\ndata: 2\n\ndata: 3\n\n"), event -> {
            seen.add(event);
            return !event.data().equals("2");
        });
        assertThat(seen).extracting(SseParser.Event::data).containsExactly("1", "2");
    }
}
