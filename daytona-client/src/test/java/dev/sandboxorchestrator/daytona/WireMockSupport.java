package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.sandboxorchestrator.core.internal.Backoff;
import dev.sandboxorchestrator.core.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** WireMock on a dynamic loopback port, and a client on it whose waits are recorded instead of slept. */
abstract class WireMockSupport {
    static final String KEY = "dtn_wiremock_key_5f3a9c";

    protected WireMockServer wm;
    protected DaytonaClient client;
    /** Every wait the client asked for, in order. */
    protected final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    protected final Sleeper sleeper = sleeps::add;

    @BeforeEach
    void startWireMock() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        client = builder().build();
    }

    @AfterEach
    void stopWireMock() {
        client.close();
        wm.stop();
    }

    String apiUrl() {
        return "http://127.0.0.1:" + wm.port() + "/api";
    }

    String toolboxProxyUrl() {
        return "http://127.0.0.1:" + wm.port() + "/toolbox";
    }

    DaytonaClient.Builder builder() {
        return DaytonaClient.builder().apiKey(KEY).apiUrl(apiUrl()).sleeper(sleeper).requestTimeout(Duration.ofSeconds(5))
                .retryBackoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    List<LoggedRequest> requests() {
        List<LoggedRequest> all = new java.util.ArrayList<>(wm.getAllServeEvents().stream().map(event -> event.getRequest()).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    /** A Sandbox JSON as the API sends it. */
    String sandboxJson(String id, String state) {
        return "{\"id\":\"" + id + "\",\"organizationId\":\"org-1\",\"name\":\"" + id + "-name\",\"user\":\"daytona\",\"env\":{\"SECRET_TOKEN\":\"hunter2\"},"
                + "\"labels\":{\"app\":\"coffee\"},\"public\":false,\"networkBlockAll\":false,\"target\":\"us\",\"cpu\":1,\"gpu\":0,"
                + "\"memory\":1.0,\"disk\":3,\"state\":\"" + state + "\",\"autoStopInterval\":15.0,\"createdAt\":\"2026-07-01T10:00:00.000Z\","
                + "\"toolboxProxyUrl\":\"" + toolboxProxyUrl() + "\"}";
    }
}
