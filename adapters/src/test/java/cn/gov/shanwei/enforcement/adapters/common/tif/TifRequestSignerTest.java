package cn.gov.shanwei.enforcement.adapters.common.tif;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TifRequestSignerTest {

    private static final TifCredentials CREDENTIALS = new TifCredentials("shanwei-hub", "sandbox-tif-token-0123456789");
    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    /** Computed outside Java: printf '%s' "1700000000sandbox-tif-token-0123456789abcdef01234567891700000000" | sha256sum */
    private static final String KNOWN_SIGNATURE = "7C75727CC0A833C463940BEE42861FDA39519321E9F420EF93965E00179B3172";

    @Test
    void sign_withFixedClockAndNonce_matchesIndependentlyComputedVector() {
        TifRequestSigner signer = TifRequestSigner.builder().credentials(CREDENTIALS).clock(FIXED)
                .nonceSource(() -> "abcdef0123456789").build();

        TifHeaders headers = signer.sign();

        assertThat(headers).isEqualTo(new TifHeaders("shanwei-hub", 1_700_000_000L, "abcdef0123456789", KNOWN_SIGNATURE));
        assertThat(headers.asMap()).containsEntry("x-tif-paasid", "shanwei-hub")
                .containsEntry("x-tif-timestamp", "1700000000").containsEntry("x-tif-nonce", "abcdef0123456789")
                .containsEntry("x-tif-signature", KNOWN_SIGNATURE).hasSize(4);
    }

    @Test
    void signature_dependsOnEveryPart() {
        String base = TifRequestSigner.signature(1_700_000_000L, "sandbox-tif-token-0123456789", "abcdef0123456789");
        assertThat(base).isEqualTo(KNOWN_SIGNATURE);
        assertThat(TifRequestSigner.signature(1_700_000_001L, "sandbox-tif-token-0123456789", "abcdef0123456789"))
                .isNotEqualTo(base);
        assertThat(TifRequestSigner.signature(1_700_000_000L, "sandbox-tif-token-0123456780", "abcdef0123456789"))
                .isNotEqualTo(base);
        assertThat(TifRequestSigner.signature(1_700_000_000L, "sandbox-tif-token-0123456789", "abcdef0123456788"))
                .isNotEqualTo(base);
    }

    @Test
    void sign_defaultNonces_areFreshAndWellFormed() {
        TifRequestSigner signer = TifRequestSigner.of(CREDENTIALS);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String nonce = signer.sign().nonce();
            assertThat(nonce).matches(TifRequestSigner.NONCE_FORMAT);
            nonces.add(nonce);
        }
        assertThat(nonces).hasSize(200);
    }

    @Test
    void sign_usesTheClockAtEachCall() {
        ArrayDeque<String> nonces = new ArrayDeque<>(List.of("nonce-0001", "nonce-0002"));
        Instant[] now = {Instant.ofEpochSecond(100)};
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        TifRequestSigner signer = TifRequestSigner.builder().credentials(CREDENTIALS).clock(moving)
                .nonceSource(nonces::poll).build();
        TifHeaders first = signer.sign();
        now[0] = Instant.ofEpochSecond(250);
        TifHeaders second = signer.sign();
        assertThat(first.timestamp()).isEqualTo(100);
        assertThat(second.timestamp()).isEqualTo(250);
        assertThat(second.nonce()).isEqualTo("nonce-0002");
    }

    @Test
    void sign_whenNonceSourceMisbehaves_refusesToSign() {
        for (String bad : new String[] {null, "", "short", "has space 123", "line\r\nbreak1", "x".repeat(65)}) {
            TifRequestSigner signer = TifRequestSigner.builder().credentials(CREDENTIALS).nonceSource(() -> bad).build();
            assertThatThrownBy(signer::sign).isInstanceOf(IllegalStateException.class).hasMessageContaining("nonce");
        }
    }

    @Test
    void applyTo_setsTheFourHeadersOnAJdkRequest() {
        TifHeaders headers = new TifHeaders("shanwei-hub", 1_700_000_000L, "abcdef0123456789", KNOWN_SIGNATURE);
        HttpRequest request = headers.applyTo(HttpRequest.newBuilder(URI.create("http://127.0.0.1/x"))).GET().build();
        assertThat(request.headers().firstValue("x-tif-signature")).contains(KNOWN_SIGNATURE);
        assertThat(request.headers().firstValue("x-tif-timestamp")).contains("1700000000");
        assertThat(request.headers().firstValue("x-tif-paasid")).contains("shanwei-hub");
        assertThat(request.headers().firstValue("x-tif-nonce")).contains("abcdef0123456789");
    }

    @Test
    void credentials_validateAndNeverPrintTheToken() {
        assertThat(CREDENTIALS.toString()).doesNotContain("sandbox-tif-token").contains("shanwei-hub");
        assertThat(TifRequestSigner.of(CREDENTIALS).toString()).doesNotContain("sandbox-tif-token");
        assertThatThrownBy(() -> new TifCredentials(null, "token-123456")).hasMessageContaining("paasId");
        assertThatThrownBy(() -> new TifCredentials("bad id", "token-123456")).hasMessageContaining("paasId");
        assertThatThrownBy(() -> new TifCredentials("hub", "short")).hasMessageContaining("token")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> new TifCredentials("hub", "has a space in it")).hasMessageContaining("token");
        assertThatThrownBy(() -> TifRequestSigner.builder().build()).hasMessageContaining("credentials");
        assertThatThrownBy(() -> TifRequestSigner.builder().credentials(CREDENTIALS).clock(null).build())
                .hasMessageContaining("clock");
    }
}
