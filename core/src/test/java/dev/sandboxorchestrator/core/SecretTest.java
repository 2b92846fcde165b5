package dev.sandboxorchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String KEY = "sk-ant-api03-very-secret-value";

    @Test
    void toStringNeverShowsTheValueEvenInsideARecord() {
        Secret secret = Secret.of(KEY);
        record Config(String url, Secret key) {
        }
        assertThat(secret.toString()).isEqualTo("Secret[hidden non-blank value]").doesNotContain(KEY);
        assertThat(new Config("https://api", secret).toString()).doesNotContain(KEY);
        assertThat(secret.reveal()).isEqualTo(KEY);
    }

    @Test
    void redactReplacesEveryOccurrence() {
        assertThat(Secret.of(KEY).redact("auth " + KEY + " and " + KEY)).isEqualTo("auth *** and ***");
    }

    @Test
    void blankSecretsAreRefused() {
        assertThatThrownBy(() -> Secret.of("  ")).isInstanceOf(IllegalArgumentException.class).hasMessage("secret value is blank");
        assertThat(Secret.fromNullable(" ")).isEmpty();
        assertThat(Secret.fromNullable(null)).isEmpty();
    }

    @Test
    void previewLinkToStringHidesTokensInQueryAndHeaders() {
        PreviewLink link = new PreviewLink(URI.create("https://3000-abc.proxy.example/?token=tok-123"),
                Map.of("x-daytona-preview-token", "tok-123"), null);
        assertThat(link.toString()).doesNotContain("tok-123").contains("x-daytona-preview-token");
        assertThat(new Preview("id", "n", link, SandboxStatus.RUNNING, java.time.Instant.EPOCH, null, null, null).toString())
                .doesNotContain("tok-123");
        PreviewLink signed = new PreviewLink(URI.create("https://3000-sig-abc123.proxy.example/"), Map.of(), null, java.util.List.of("sig-abc123"));
        assertThat(signed.toString()).doesNotContain("sig-abc123").contains("https://3000-***.proxy.example/");
        assertThat(signed.redact(signed.url().resolve("/health"))).isEqualTo("https://3000-***.proxy.example/health");
    }
}
