package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.examples.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
    }

    @Test
    void serveRefusesToStartWithoutTokensAndSaysHowToConfigureThem() {
        int status = run(Map.of(), "serve", "--port", "0");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: SANDBOX_API_TOKENS: no API tokens are configured, so the server would let nobody in. "
                        + "Set SANDBOX_API_TOKENS to comma-separated owner=token pairs")
                .contains("SANDBOX_API_TOKENS_FILE");
    }

    @Test
    void serveRejectsUnknownOptionsAndBadValues() {
        Map<String, String> env = Map.of("SANDBOX_API_TOKENS", "alice=0123456789abcdef0123");

        assertThat(run(env, "serve", "--prot", "80")).isEqualTo(2);
        assertThat(run(env, "serve", "--port", "http")).isEqualTo(2);
        assertThat(run(env, "serve", "--cors-origin", "*")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: --prot is not an option of this command")
                .contains("error: --port: must be a positive whole number, not 'http'")
                .contains("error: --cors-origin: CORS origin '*' must be scheme://host[:port] like https://app.example.com (wildcards are not allowed)");
    }

    @Test
    void serveIsListedWithItsHelp() {
        assertThat(run(Map.of(), "serve", "--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./sandbox serve [--host 127.0.0.1] [--port 8080]")
                .contains("SANDBOX_API_TOKENS_FILE");
    }
}
