package dev.sandboxorchestrator.daytona;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sandboxorchestrator.core.InvalidInputException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewsTest extends WireMockSupport {
    private static final String TOKEN = "vg5c0ylmcimr8b8mm";
    private static final String SIGNED = "kp9z2ndqw7sj3mr1x";

    @Test
    void previewUrlComesWithItsTokenAsHeaderOrQueryParameterAndHidesItInToString() {
        wm.stubFor(get("/api/sandbox/sbx-1/ports/3000/preview-url").willReturn(okJson(
                "{\"sandboxId\":\"sbx-1\",\"url\":\"https://3000-sbx-1.proxy.daytona.works\",\"token\":\"" + TOKEN + "\"}")));

        PreviewUrl preview = client.previews().url("sbx-1", 3000);

        assertThat(preview.url()).isEqualTo(URI.create("https://3000-sbx-1.proxy.daytona.works"));
        assertThat(preview.headers()).isEqualTo(Map.of("X-Daytona-Preview-Token", TOKEN));
        assertThat(preview.urlWithToken()).hasToString("https://3000-sbx-1.proxy.daytona.works?DAYTONA_SANDBOX_AUTH_KEY=" + TOKEN);
        assertThat(preview.toString()).doesNotContain(TOKEN);
    }

    @Test
    void signedUrlAsksForTheExpiryInSecondsAndKnowsWhenItEnds() {
        wm.stubFor(get("/api/sandbox/sbx-1/ports/3000/signed-preview-url?expiresInSeconds=7200").willReturn(okJson(
                "{\"sandboxId\":\"sbx-1\",\"port\":3000,\"token\":\"" + SIGNED + "\",\"url\":\"https://3000-" + SIGNED + ".proxy.daytona.works\"}")));
        Instant now = Instant.parse("2026-07-01T10:00:00Z");
        DaytonaClient clocked = builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build();

        SignedPreviewUrl signed = clocked.previews().signedUrl("sbx-1", 3000, Duration.ofHours(2));

        assertThat(signed.url()).hasToString("https://3000-" + SIGNED + ".proxy.daytona.works");
        assertThat(signed.expiresAt()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(signed.toString()).doesNotContain(SIGNED).contains("https://3000-***.proxy.daytona.works");
    }

    @Test
    void signedUrlExpiryOutsideWhatDaytonaAllowsIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> client.previews().signedUrl("sbx-1", 3000, Duration.ofDays(2)))
                .isInstanceOf(InvalidInputException.class).hasMessage("expiresIn: must be between 1 second and 24 hours: PT48H");
        assertThatThrownBy(() -> client.previews().url("sbx-1", 0))
                .isInstanceOf(InvalidInputException.class).hasMessage("port: must be between 1 and 65535: 0");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void expiringASignedUrlPostsItsTokenAndErrorsDoNotShowIt() {
        wm.stubFor(post("/api/sandbox/sbx-1/ports/3000/signed-preview-url/" + SIGNED + "/expire").willReturn(aResponse().withStatus(200)));
        wm.stubFor(post("/api/sandbox/sbx-1/ports/3000/signed-preview-url/other/expire").willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Token not found\",\"error\":\"Not Found\"}")));
        SignedPreviewUrl signed = new SignedPreviewUrl("sbx-1", 3000, URI.create("https://3000-" + SIGNED + ".proxy.daytona.works"),
                dev.sandboxorchestrator.core.Secret.of(SIGNED), Instant.now());
        SignedPreviewUrl other = new SignedPreviewUrl("sbx-1", 3000, URI.create("https://3000-other.proxy.daytona.works"),
                dev.sandboxorchestrator.core.Secret.of("other"), Instant.now());

        client.previews().expire(signed);

        wm.verify(postRequestedFor(urlEqualTo("/api/sandbox/sbx-1/ports/3000/signed-preview-url/" + SIGNED + "/expire")));
        assertThatThrownBy(() -> client.previews().expire(other))
                .hasMessage("Daytona answered HTTP 404 for /api/sandbox/sbx-1/ports/3000/signed-preview-url/***/expire (Not Found): Token not found");
    }

    @Test
    void previewAnswerWithoutATokenIsAnInvalidResponse() {
        wm.stubFor(get("/api/sandbox/sbx-1/ports/3000/preview-url").willReturn(okJson("{\"sandboxId\":\"sbx-1\",\"url\":\"https://x\"}")));

        assertThatThrownBy(() -> client.previews().url("sbx-1", 3000))
                .hasMessage("Daytona answered HTTP 200 for /api/sandbox/sbx-1/ports/3000/preview-url (invalid_response): the response has no 'token'");
    }
}
