package dev.sandboxorchestrator.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
    private static final String ALICE = "a1b2c3d4e5f6a7b8c9d0";
    private static final String BOB = "z9y8x7w6v5u4t3s2r1q0";

    @Test
    void eachTokenStandsForItsOwner() {
        ApiTokens tokens = ApiTokens.parse(" alice=" + ALICE + " , bob=" + BOB + ",alice=" + BOB.toUpperCase());

        assertThat(tokens.ownerOf(ALICE)).hasValue("alice");
        assertThat(tokens.ownerOf(BOB)).hasValue("bob");
        assertThat(tokens.ownerOf(BOB.toUpperCase())).hasValue("alice");
        assertThat(tokens.ownerOf(ALICE + "x")).isEmpty();
        assertThat(tokens.ownerOf("")).isEmpty();
        assertThat(tokens.ownerOf(null)).isEmpty();
        assertThat(tokens.owners()).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void toStringNamesOwnersButNeverTokens() {
        ApiTokens tokens = ApiTokens.parse("alice=" + ALICE + ",bob=" + BOB);

        assertThat(tokens.toString()).isEqualTo("ApiTokens[owners=[alice, bob], tokens=2 hidden]").doesNotContain(ALICE, BOB);
    }

    @Test
    void noTokensAtAllIsRefusedWithHowToConfigureThem() {
        assertThatThrownBy(() -> ApiTokens.fromEnv(Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("SANDBOX_API_TOKENS: no API tokens are configured, so the server would let nobody in. "
                        + "Set SANDBOX_API_TOKENS to comma-separated owner=token pairs")
                .hasMessageContaining("SANDBOX_API_TOKENS_FILE");
    }

    @Test
    void aShortTokenOrAMalformedPairIsRefusedWithoutShowingTheToken() {
        assertThatThrownBy(() -> ApiTokens.parse("alice=" + ALICE + ",bob=short"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("SANDBOX_API_TOKENS: entry 2 is not owner=token with a valid owner and a token of at least 16 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> ApiTokens.parse(ALICE)).hasMessageStartingWith("SANDBOX_API_TOKENS: entry 1 is not owner=token");
        assertThatThrownBy(() -> ApiTokens.parse("bad owner=" + ALICE)).hasMessageStartingWith("SANDBOX_API_TOKENS: entry 1 is not owner=token");
    }

    @Test
    void aTokenGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ApiTokens.parse("alice=" + ALICE + ",bob=" + ALICE))
                .hasMessage("SANDBOX_API_TOKENS: entry 2 repeats a token already given; every token must be unique");
    }

    @Test
    void tokensMayComeFromAFileWithCommentsWhenTheVariableIsNotSet(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "# team tokens\nalice=" + ALICE + "\n\nbob=" + BOB + "\n");

        ApiTokens tokens = ApiTokens.fromEnv(Map.of("SANDBOX_API_TOKENS_FILE", file.toString()));

        assertThat(tokens.ownerOf(BOB)).hasValue("bob");
        assertThatThrownBy(() -> ApiTokens.fromEnv(Map.of("SANDBOX_API_TOKENS_FILE", dir.resolve("missing").toString())))
                .hasMessageStartingWith("SANDBOX_API_TOKENS_FILE: could not read " + dir.resolve("missing"));
    }
}
