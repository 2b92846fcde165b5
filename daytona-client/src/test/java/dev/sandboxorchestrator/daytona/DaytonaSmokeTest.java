package dev.sandboxorchestrator.daytona;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaytonaSmokeTest {

    @Test
    void smokeTestCreatesGetsListsAndDeletesPrintingEachStep() throws Exception {
        try (FakeDaytona fake = new FakeDaytona()) {
            fake.createdState = "creating";
            fake.getsUntilStarted = 2;
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int code = DaytonaSmoke.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    Map.of("DAYTONA_API_KEY", FakeDaytona.API_KEY, "DAYTONA_API_URL", fake.apiUrl()));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(code).isZero();
            assertThat(printed).contains("Daytona smoke test against " + fake.apiUrl(), "1. Creating test sandbox sandbox-orchestrator-smoke-",
                    "created sbx1 (state creating)", "2. Getting its status", "sbx1 is started in us (1 CPU, 1 GB memory, 3 GB disk)",
                    "3. Listing sandboxes", "4. Deleting it", "deleted sbx1", "Daytona smoke test passed.");
            assertThat(fake.deleted).containsExactly("sbx1");
        }
    }

    @Test
    void smokeTestThatFailsSaysWhyAndStillDeletesItsSandbox() throws Exception {
        try (FakeDaytona fake = new FakeDaytona()) {
            fake.createdState = "error";
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int code = DaytonaSmoke.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                    Map.of("DAYTONA_API_KEY", FakeDaytona.API_KEY, "DAYTONA_API_URL", fake.apiUrl()));

            assertThat(code).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED: Daytona sandbox sbx1 is error instead of started",
                    "deleted test sandbox sbx1 after the failure");
            assertThat(fake.deleted).containsExactly("sbx1");
        }
    }

    @Test
    void smokeTestWithoutAnApiKeySaysHowToConfigureDaytona() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = DaytonaSmoke.run(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sandbox service not available: Daytona is not configured: DAYTONA_API_KEY is not set.");
    }
}
