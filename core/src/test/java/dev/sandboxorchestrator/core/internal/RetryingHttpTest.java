package dev.sandboxorchestrator.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sandboxorchestrator.core.ServiceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryingHttpTest {
    private HttpServer server;
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    /** What the server answers, one entry per hit (the last repeats): status, then header name/value pairs. */
    private volatile List<String[]> answers = List.of();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            int hit = hits.getAndIncrement();
            String[] answer = answers.get(Math.min(hit, answers.size() - 1));
            for (int i = 1; i + 1 < answer.length; i += 2) {
                exchange.getResponseHeaders().add(answer[i], answer[i + 1]);
            }
            byte[] body = ("{\"message\":\"answer " + hit + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private RetryingHttp http() {
        return new RetryingHttp("Test", HttpClient.newHttpClient(), RetryingHttp.Policy.DEFAULT, slept::add,
                (status, headers, body, path, attempts, retryAfter) -> new ServiceException("Test", status, null,
                        new String(body, StandardCharsets.UTF_8), path, RetryingHttp.requestId(headers).orElse(null), attempts, retryAfter, null));
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/thing")).build();
    }

    @Test
    void retriesServerErrorsOnIdempotentCallsUntilSuccess() {
        answers = List.of(new String[] {"503"}, new String[] {"502"}, new String[] {"200"});
        assertThat(new String(http().send(get(), true).body(), StandardCharsets.UTF_8)).contains("answer 2");
        assertThat(hits).hasValue(3);
        assertThat(slept).hasSize(2).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(250), Duration.ofSeconds(1)));
    }

    @Test
    void honoursRetryAfterMillisAndSeconds() {
        answers = List.of(new String[] {"429", "retry-after-ms", "1234"}, new String[] {"429", "retry-after", "2"}, new String[] {"200"});
        http().send(get(), true);
        assertThat(slept).containsExactly(Duration.ofMillis(1234), Duration.ofSeconds(2));
    }

    @Test
    void doesNotRetryClientErrorsAndReportsTheRequestId() {
        answers = List.<String[]>of(new String[] {"400", "request-id", "req_42"});
        assertThatThrownBy(() -> http().send(get(), true)).isInstanceOf(ServiceException.class)
                .hasMessage("Test answered HTTP 400 for /thing: {\"message\":\"answer 0\"} [request id req_42]")
                .satisfies(e -> assertThat(((ServiceException) e).attempts()).isEqualTo(1));
        assertThat(hits).hasValue(1);
    }

    @Test
    void followsTheServersShouldRetryHint() {
        answers = List.<String[]>of(new String[] {"503", "x-should-retry", "false"});
        assertThatThrownBy(() -> http().send(get(), true)).isInstanceOf(ServiceException.class);
        assertThat(hits).hasValue(1);
        hits.set(0);
        answers = List.of(new String[] {"400", "x-should-retry", "true"}, new String[] {"200"});
        http().send(get(), true);
        assertThat(hits).hasValue(2);
    }

    @Test
    void nonIdempotentCallsAreRetriedOnlyWhenTheRequestWasNotProcessed() {
        answers = List.<String[]>of(new String[] {"500"});
        assertThatThrownBy(() -> http().send(get(), false)).isInstanceOf(ServiceException.class);
        assertThat(hits).hasValue(1);
        hits.set(0);
        answers = List.of(new String[] {"529"}, new String[] {"200"});
        http().send(get(), false);
        assertThat(hits).hasValue(2);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheCount() {
        answers = List.<String[]>of(new String[] {"503"});
        assertThatThrownBy(() -> http().send(get(), true)).isInstanceOf(ServiceException.class)
                .hasMessageEndingWith("after 4 attempts");
        assertThat(hits).hasValue(4);
    }

    @Test
    void aRetryAfterLongerThanAllowedIsNotWaitedFor() {
        answers = List.<String[]>of(new String[] {"429", "retry-after", "3600"});
        assertThatThrownBy(() -> http().send(get(), true)).isInstanceOf(ServiceException.class)
                .satisfies(e -> assertThat(((ServiceException) e).retryAfter()).contains(Duration.ofHours(1)));
        assertThat(slept).isEmpty();
    }

    @Test
    void connectionFailuresAreRetriedThenReportedAsUnreachable() {
        server.stop(0);
        assertThatThrownBy(() -> http().send(get(), true)).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("Test could not be reached for /thing: connection failed")
                .satisfies(e -> assertThat(((ServiceException) e).status()).isZero());
        assertThat(slept).hasSize(3);
    }

    @Test
    void parsesRetryAfterAsAnHttpDate() {
        String inTwoMinutes = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(2));
        java.net.http.HttpHeaders headers = java.net.http.HttpHeaders.of(Map.of("retry-after", List.of(inTwoMinutes)), (a, b) -> true);
        assertThat(RetryingHttp.retryAfter(headers)).hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
    }
}
