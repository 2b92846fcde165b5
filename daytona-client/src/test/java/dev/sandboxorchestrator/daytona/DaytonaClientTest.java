package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.ServiceUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration from the builder and the environment, and what the client shows of itself. */
class DaytonaClientTest {
    private static final String KEY = "dtn_0123456789abcdef";

    @Test
    void environmentGivesKeyUrlTargetAndOrganizationWithTheCloudAsDefault() {
        try (DaytonaClient cloud = DaytonaClient.fromEnvironment(Map.of("DAYTONA_API_KEY", KEY))) {
            assertThat(cloud.apiUrl()).hasToString("https://app.daytona.io/api");
            assertThat(cloud.target()).isNull();
        }
        try (DaytonaClient selfHosted = DaytonaClient.fromEnvironment(Map.of("DAYTONA_API_KEY", " " + KEY + " ",
                "DAYTONA_API_URL", "https://daytona.internal.example/api/", "DAYTONA_TARGET", " eu ", "DAYTONA_ORGANIZATION_ID", "org-1"))) {
            assertThat(selfHosted.apiUrl()).hasToString("https://daytona.internal.example/api");
            assertThat(selfHosted.target()).isEqualTo("eu");
        }
    }

    @Test
    void missingOrBlankKeyIsReportedAsServiceNotAvailableWithInstructions() {
        assertThatThrownBy(() -> DaytonaClient.fromEnvironment(Map.of("DAYTONA_API_KEY", "  ")))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Sandbox service not available: Daytona is not configured: DAYTONA_API_KEY is not set. To run sandboxes on"
                        + " Daytona, set DAYTONA_API_KEY to a Daytona API key (create one at https://app.daytona.io/dashboard/keys);"
                        + " optionally DAYTONA_API_URL (default https://app.daytona.io/api, for self-hosted Daytona) and"
                        + " DAYTONA_TARGET (region, e.g. us or eu).");
    }

    @Test
    void builderNamesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> DaytonaClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("apiKey is required: call apiKey(...) or use DaytonaClient.fromEnvironment(...) with DAYTONA_API_KEY set");
        assertThatThrownBy(() -> DaytonaClient.builder().apiUrl("ftp://daytona.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apiUrl must be an http(s) URL such as https://app.daytona.io/api: ftp://daytona.example");
        assertThatThrownBy(() -> DaytonaClient.fromEnvironment(Map.of("DAYTONA_API_KEY", KEY, "DAYTONA_API_URL", "not a url")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("apiUrl is not a URL: not a url");
        assertThatThrownBy(() -> DaytonaClient.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestTimeout must be positive: PT0S");
        assertThatThrownBy(() -> DaytonaClient.builder().maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1: 0");
    }

    @Test
    void theApiKeyNeverShowsInToStringOfTheClientItsBuilderOrTheProvider() {
        DaytonaClient.Builder builder = DaytonaClient.builder().apiKey(KEY);
        try (DaytonaClient client = builder.build(); DaytonaSandboxProvider provider = DaytonaSandboxProvider.builder(client).build()) {
            assertThat(client.toString()).isEqualTo("DaytonaClient[apiUrl=https://app.daytona.io/api, target=null, apiKey=hidden]");
            assertThat(builder.toString()).doesNotContain(KEY);
            assertThat(provider.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void createRequestToStringShowsEnvironmentNamesButNotValues() {
        CreateSandboxRequest request = CreateSandboxRequest.builder().name("x").env("OPENAI_API_KEY", "sk-live-123").build();

        assertThat(request.toString()).contains("OPENAI_API_KEY").doesNotContain("sk-live-123");
    }

    @Test
    void logsShowCommandsAsGivenWithoutOurPrefixOrSecretValues() {
        assertThat(SandboxLogs.display("cd /home/daytona/app && env NEXT_TELEMETRY_DISABLED='1' API_TOKEN='s3cr3t' sh -c 'npm run build'"))
                .isEqualTo("npm run build");
        assertThat(SandboxLogs.display("cd /home/daytona/app && env API_TOKEN='s3cr3t' node 'it'\\''s.js'"))
                .isEqualTo("node 'it'\\''s.js'");
        assertThat(SandboxLogs.display("mkdir -p /home/daytona/.sandbox-orchestrator && printf '%s' '#!/bin/sh\nexec env TOKEN='\\''x'\\'' npm start'"
                + " > /home/daytona/.sandbox-orchestrator/start.sh && sh /home/daytona/.sandbox-orchestrator/start.sh"))
                .isEqualTo("the app (its saved start script)");
        assertThat(SandboxLogs.display("echo TOKEN='abc'")).isEqualTo("echo TOKEN=***");
    }
}
