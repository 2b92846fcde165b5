package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    @Test
    void aFollowerGetsTheEventsAfterItsLastIdAndThenTheEnd() throws Exception {
        EventStream stream = new EventStream("alice", "req-1", 10);
        stream.publish("log", Map.of("line", "one"));
        stream.publish("log", Map.of("line", "two"));
        stream.finish("done", Map.of("success", true));
        stream.publish("log", Map.of("line", "too late"));

        EventStream.Batch batch = stream.after(1, Duration.ZERO);

        assertThat(batch.entries()).extracting(EventStream.Entry::id).containsExactly(2L, 3L);
        assertThat(batch.entries()).extracting(EventStream.Entry::json).containsExactly("{\"line\":\"two\"}", "{\"success\":true}");
        assertThat(batch.finished()).isTrue();
        assertThat(batch.gap()).isFalse();
    }

    @Test
    void pastItsCapacityTheOldestEventsGoAndAFollowerIsToldItMissedSome() throws Exception {
        EventStream stream = new EventStream("alice", "req-1", 3);
        for (int i = 1; i <= 5; i++) {
            stream.publish("log", Map.of("line", "line " + i));
        }

        EventStream.Batch batch = stream.after(0, Duration.ZERO);

        assertThat(batch.entries()).extracting(EventStream.Entry::id).containsExactly(3L, 4L, 5L);
        assertThat(batch.gap()).isTrue();
        assertThat(stream.after(2, Duration.ZERO).gap()).isFalse();
    }

    @Test
    void aFollowerWithNothingNewWaitsThenGetsAnEmptyBatchForAKeepAlive() throws Exception {
        EventStream stream = new EventStream("alice", "req-1", 3);
        stream.publish("log", Map.of("line", "one"));

        long start = System.nanoTime();
        EventStream.Batch batch = stream.after(1, Duration.ofMillis(50));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(batch.entries()).isEmpty();
        assertThat(batch.finished()).isFalse();
    }

    @Test
    void theHubForgetsTheOldestFinishedStreamsPastItsLimit() {
        EventHub hub = new EventHub(2, 10);
        EventStream first = hub.open("alice", "req-1");
        hub.alias(first, "sbx-1");
        first.finish("done", Map.of());
        hub.open("alice", "req-2");
        hub.open("alice", "req-3");

        assertThat(hub.find("alice", "req-1")).isEmpty();
        assertThat(hub.find("alice", "sbx-1")).isEmpty();
        assertThat(hub.find("alice", "req-2")).isPresent();
        assertThat(hub.find("bob", "req-2")).isEmpty();
        assertThat(hub.size()).isEqualTo(2);
    }
}
