package dev.sandboxorchestrator.generator.claude;

import static dev.sandboxorchestrator.generator.claude.Fixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.InvalidInputException;
import dev.sandboxorchestrator.core.ServiceUnavailableException;
import dev.sandboxorchestrator.core.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    @Test
    void fromEnvironmentWithoutAKeySaysHowToSetOne() {
        assertThatThrownBy(() -> ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "  ")))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("Sandbox service not available: the Claude generator needs an Anthropic API key: set ANTHROPIC_API_KEY "
                        + "(create a key at https://console.anthropic.com/settings/keys), or leave it unset to use the offline template generator");
    }

    @Test
    void fromEnvironmentUsesDefaultsForWhatIsNotSet() {
        ClaudeCodeGenerator claude = ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY));

        assertThat(claude.name()).isEqualTo("claude");
        assertThat(claude.canRepair()).isTrue();
        assertThat(claude.model()).isEqualTo(ClaudeCodeGenerator.DEFAULT_MODEL);
        assertThat(claude.priceTable()).isEmpty();
        assertThat(claude).hasToString("ClaudeCodeGenerator[model=claude-sonnet-5, baseUrl=https://api.anthropic.com, "
                + "apiKey=Secret[hidden non-blank value], maxTokens=32000, streaming=true]");
    }

    @Test
    void fromEnvironmentReadsTheOtherVariables() {
        ClaudeCodeGenerator claude = ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY,
                "ANTHROPIC_BASE_URL", "http://user:secret@127.0.0.1:8089/proxy/?token=abc", "ANTHROPIC_MODEL", "claude-haiku-4-5",
                "ANTHROPIC_MAX_TOKENS", "16000", "ANTHROPIC_BETA", "a-2025-01-01, b-2026-02-02"));

        assertThat(claude.model()).isEqualTo("claude-haiku-4-5");
        assertThat(claude.toString()).isEqualTo("ClaudeCodeGenerator[model=claude-haiku-4-5, baseUrl=http://127.0.0.1:8089/proxy/, "
                + "apiKey=Secret[hidden non-blank value], maxTokens=16000, streaming=true]").doesNotContain(KEY, "secret", "abc");
    }

    @Test
    void unusableEnvironmentValuesAreRejectedNamingTheVariable() {
        assertThatThrownBy(() -> ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_BASE_URL", "api.anthropic.com")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ANTHROPIC_BASE_URL: must be an absolute http or https URL such as https://api.anthropic.com");
        assertThatThrownBy(() -> ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_MAX_TOKENS", "lots")))
                .hasMessage("ANTHROPIC_MAX_TOKENS: must be a whole number of tokens of at least 1, not 'lots'");
        assertThatThrownBy(() -> ClaudeCodeGenerator.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "ANTHROPIC_MODEL", "claude sonnet")))
                .hasMessage("ANTHROPIC_MODEL: must be a model id such as claude-sonnet-5, not 'claude sonnet'");
    }

    @Test
    void buildWithoutAKeyNamesTheMissingSetting() {
        assertThatThrownBy(() -> ClaudeCodeGenerator.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("apiKey is required: call apiKey(...), or environment(...) with ANTHROPIC_API_KEY set");
    }

    @Test
    void builderSettingsAreChecked() {
        ClaudeCodeGenerator.Builder builder = ClaudeCodeGenerator.builder();
        assertThatThrownBy(() -> builder.maxTokens(0)).hasMessage("maxTokens: must be a whole number of tokens of at least 1, not '0'");
        assertThatThrownBy(() -> builder.idleTimeout(Duration.ZERO)).hasMessage("idleTimeout: must be positive, not PT0S");
        assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessage("maxRetries: must be at least 0, not -1");
        assertThatThrownBy(() -> builder.beta("a,b")).hasMessage("beta: must be a beta name such as context-1m-2025-08-07, not 'a,b'");
        assertThatThrownBy(() -> builder.apiKey("")).hasMessage("apiKey: must not be blank");
        assertThatThrownBy(() -> builder.baseUrl("ftp://x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void thePriceTableTurnsTokensIntoDollarsWithCachePricesFromTheInputPrice() {
        PriceTable prices = PriceTable.perMillionTokens(new BigDecimal("3.00"), new BigDecimal("15.00"));

        assertThat(prices.cacheWrite()).isEqualByComparingTo("3.75");
        assertThat(prices.cacheRead()).isEqualByComparingTo("0.30");
        assertThat(prices.cost(new TokenUsage(1_000_000, 0, 0, 0))).isEqualByComparingTo("3");
        assertThat(prices.cost(new TokenUsage(2000, 1000, 10_000, 100_000))).isEqualByComparingTo("0.0885");
        assertThat(prices.cost(TokenUsage.NONE)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> PriceTable.perMillionTokens(new BigDecimal("-1"), BigDecimal.ONE))
                .hasMessage("prices cannot be negative: -1");
    }
}
