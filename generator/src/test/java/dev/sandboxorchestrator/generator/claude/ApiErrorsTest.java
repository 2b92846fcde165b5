package dev.sandboxorchestrator.generator.claude;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.sandboxorchestrator.generator.claude.Fixtures.APP;
import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static dev.sandboxorchestrator.generator.claude.Fixtures.MODEL;
import static dev.sandboxorchestrator.generator.claude.Fixtures.answers;
import static dev.sandboxorchestrator.generator.claude.Fixtures.requests;
import static dev.sandboxorchestrator.generator.claude.Fixtures.sse;
import static dev.sandboxorchestrator.generator.claude.Fixtures.writeApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.sandboxorchestrator.core.GeneratedCode;
import dev.sandboxorchestrator.core.GenerationRequest;
import dev.sandboxorchestrator.core.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HTTP errors, retries, and streams that go wrong after HTTP 200. */
class ApiErrorsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private ClaudeCodeGenerator.Builder claude() {
        return ClaudeCodeGenerator.builder().apiKey(KEY).baseUrl(wm.baseUrl()).sleeper(sleeper);
    }

    private GeneratedCode generate() {
        return claude().build().generate(GenerationRequest.of("A coffee subscription page"), null);
    }

    private static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("request-id", "req_011Err" + status)
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"},\"request_id\":\"req_011Err" + status + "\"}");
    }

    private static String appStream() {
        return SseScript.message(MODEL).toolUse("write_app", writeApp("T", "D", APP, Map.of()), 64).end("tool_use", 900);
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({
        "400, invalid_request_error, 'messages: at least one message is required'",
        "401, authentication_error, 'invalid x-api-key'",
        "403, permission_error, 'Your API key does not have permission to use the specified resource.'",
        "404, not_found_error, 'model: claude-sonnet-9'",
        "413, request_too_large, 'Request exceeds the maximum allowed number of bytes.'"})
    void clientErrorsAreNotRetriedAndCarryTheApiMessageAndRequestId(int status, String type, String message) {
        answers(wm, error(status, type, message));

        assertThatThrownBy(this::generate)
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.errorType()).hasValue(type);
                    assertThat(e.serviceMessage()).hasValue(message);
                    assertThat(e.requestId()).hasValue("req_011Err" + status);
                    assertThat(e.attempts()).isEqualTo(1);
                })
                .hasMessage("Anthropic answered HTTP " + status + " for /v1/messages (" + type + "): " + message + " [request id req_011Err" + status + "]")
                .hasMessageNotContaining(KEY);
        assertThat(requests(wm)).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aProxyPageInsteadOfJsonIsReportedAsAShortExcerpt() {
        answers(wm, aResponse().withStatus(413).withHeader("Content-Type", "text/html")
                .withBody("<html>\n<head><title>413 Request Entity Too Large</title></head>\n<body>cloudflare</body></html>"));

        assertThatThrownBy(this::generate).hasMessage("Anthropic answered HTTP 413 for /v1/messages: <html> <head><title>413 Request Entity "
                + "Too Large</title></head> <body>cloudflare</body></html>");
    }

    @Test
    void aKeyEchoedInAnErrorIsRedacted() {
        answers(wm, error(401, "authentication_error", "invalid x-api-key " + KEY));

        assertThatThrownBy(this::generate).hasMessageContaining("invalid x-api-key ***").hasMessageNotContaining(KEY);
    }

    @Test
    void rateLimitsAreRetriedAfterTheWaitTheServerAsksFor() {
        answers(wm, error(429, "rate_limit_error", "slow down").withHeader("retry-after", "7"),
                error(429, "rate_limit_error", "slow down").withHeader("retry-after-ms", "1500").withHeader("retry-after", "99"),
                sse(appStream()));

        assertThat(generate().files()).hasSize(4);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(1500));
        assertThat(requests(wm)).hasSize(3);
    }

    @Test
    void aRetryAfterLongerThanAMinuteIsNotWaitedForButReported() {
        answers(wm, error(429, "rate_limit_error", "monthly limit").withHeader("retry-after", "3600"));

        assertThatThrownBy(this::generate).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofHours(1)));
        assertThat(requests(wm)).hasSize(1);
    }

    @Test
    void overloadedAndServerErrorsAreRetriedWithBackoffThenSucceed() {
        answers(wm, error(529, "overloaded_error", "Overloaded"), error(500, "api_error", "Internal server error"), sse(appStream()));

        assertThat(generate().files()).hasSize(4);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void conflictsAndTimeoutsAreRetriedToo() {
        answers(wm, error(409, "conflict_error", "Conflict"), aResponse().withStatus(408).withBody("timeout"), sse(appStream()));

        assertThat(generate().files()).hasSize(4);
        assertThat(requests(wm)).hasSize(3);
    }

    @Test
    void xShouldRetryOverridesTheStatus() {
        answers(wm, error(500, "api_error", "do not retry").withHeader("x-should-retry", "false"));
        assertThatThrownBy(this::generate).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.attempts()).isEqualTo(1));

        wm.resetAll();
        answers(wm, error(400, "invalid_request_error", "retry me").withHeader("x-should-retry", "true"), sse(appStream()));
        assertThat(generate().files()).hasSize(4);
    }

    @Test
    void retriesStopAfterTheConfiguredNumber() {
        answers(wm, error(529, "overloaded_error", "Overloaded"));

        assertThatThrownBy(() -> claude().maxRetries(1).build().generate(GenerationRequest.of("x"), null))
                .hasMessage("Anthropic answered HTTP 529 for /v1/messages (overloaded_error): Overloaded [request id req_011Err529] after 2 attempts");
        assertThat(requests(wm)).hasSize(2);
    }

    @Test
    void aDroppedConnectionIsRetried() {
        answers(wm, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), sse(appStream()));

        assertThat(generate().files()).hasSize(4);
        assertThat(requests(wm)).hasSize(2);
    }

    @Test
    void anErrorEventAfterHttp200IsReportedAndNotRetried() {
        String stream = SseScript.message(MODEL).toolUseCutOff("write_app", "{\"title\":\"T\",\"files\":[", 10)
                .event("error", "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}").cut();
        answers(wm, sse(stream));

        assertThatThrownBy(this::generate)
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.errorType()).hasValue("overloaded_error");
                    assertThat(e.requestId()).hasValue("req_011Stream");
                })
                .hasMessage("Anthropic answered HTTP 200 for /v1/messages (overloaded_error): error event in the stream: Overloaded "
                        + "[request id req_011Stream]");
        assertThat(requests(wm)).hasSize(1);
    }

    @Test
    void aStreamThatEndsBeforeMessageStopIsAnError() {
        answers(wm, sse(SseScript.message(MODEL).toolUse("write_app", writeApp("T", "D", APP, Map.of()), 64).endWithoutStop("tool_use", 5)));

        assertThatThrownBy(this::generate).hasMessageContaining("the event stream ended before message_stop");
    }

    @Test
    void malformedEventDataIsAnError() {
        answers(wm, sse(SseScript.message(MODEL).cut() + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\n\n"));

        assertThatThrownBy(this::generate).isInstanceOf(ServiceException.class)
                .hasMessageContaining("malformed event data in the stream (content_block_start): {\"type\":\"content_block_start\",\"index\":0,");
    }

    @Test
    void aMalformedJsonResponseIsAnError() {
        answers(wm, aResponse().withHeader("Content-Type", "application/json").withBody("{\"type\":\"message\",\"content\":[{"));

        assertThatThrownBy(() -> claude().streaming(false).build().generate(GenerationRequest.of("x"), null))
                .isInstanceOf(ServiceException.class)
                .hasMessage("Anthropic answered HTTP 200 for /v1/messages: the response is not valid JSON: {\"type\":\"message\",\"content\":[{");
    }

    @Test
    void aStreamThatGoesSilentIsAbandonedAfterTheIdleTimeout() {
        // two chunks, 3 s apart: only a watchdog that unblocks the read ends this before the second chunk
        answers(wm, sse(appStream()).withChunkedDribbleDelay(2, 6000));
        long start = System.nanoTime();

        assertThatThrownBy(() -> claude().idleTimeout(Duration.ofMillis(300)).build().generate(GenerationRequest.of("x"), null))
                .isInstanceOf(ServiceException.class).hasMessageContaining("the event stream went silent for 300 ms and was abandoned");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aConnectionThatBreaksMidStreamIsReportedWithWhatHappened() throws Exception {
        String partial = SseScript.message(MODEL).toolUseCutOff("write_app", "{\"title\":\"T\",\"files\":[{\"path\":\"app/page.tsx\"", 8).cut();
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> serveBrokenStream(server, partial, connections));
            thread.start();
            ClaudeCodeGenerator claude = ClaudeCodeGenerator.builder().apiKey(KEY).sleeper(sleeper)
                    .baseUrl("http://127.0.0.1:" + server.getLocalPort()).build();

            assertThatThrownBy(() -> claude.generate(GenerationRequest.of("x"), null))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(200))
                    .hasMessageContaining("the event stream broke off");
            thread.join(5000);
        }
        assertThat(connections).hasValue(1);
    }

    /** Answers one request with HTTP 200, a chunk of events, then closes the connection in the middle of the body. */
    private static void serveBrokenStream(ServerSocket server, String partial, AtomicInteger connections) {
        try (Socket socket = server.accept()) {
            connections.incrementAndGet();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int length = Integer.parseInt(head.replaceAll("(?is).*content-length:\\s*(\\d+).*", "$1"));
            in.readNBytes(length);
            byte[] chunk = partial.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(chunk.length + 500) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
