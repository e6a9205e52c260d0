package cn.gov.shanwei.enforcement.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubRequestSignatureTest {

    private static final byte[] BODY = "{\"licenceId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/api/v1/licences/verifications?x=a%20b";
    private static final String NONCE = "abcdef0123456789-nonce";

    @Test
    void canonical_whenBodyAndQuery_joinsPartsWithNewlinesAndBodyDigest() {
        String canonical = HubRequestSignature.canonical("post", PATH, 1_795_755_600L, NONCE, BODY);

        assertThat(canonical).isEqualTo("POST\n" + PATH + "\n1795755600\n" + NONCE + "\n"
                + "b9096a76f3ef88aa779419b1e11f8dcb892b2212899561070a94bff7e713c460");
    }

    @Test
    void canonical_whenNoBody_usesDigestOfEmptyBytes() {
        String canonical = HubRequestSignature.canonical("GET", "/api/v1/x", 1L, NONCE, null);

        assertThat(canonical).endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sign_whenKnownVector_matchesOpensslResult() {
        // Vector computed with: printf '%s' "$canonical" | openssl dgst -sha256 -hmac top-secret -binary | base64
        String canonical = HubRequestSignature.canonical("POST", PATH, 1_795_755_600L, NONCE, BODY);

        assertThat(HubRequestSignature.sign("top-secret", canonical))
                .isEqualTo("NgmNIMYcU8bVAR343cbmBNyphm5FwffIjRqsiyopnm8=");
    }

    @Test
    void canonical_whenTheRequestNamesAnOfficer_addsTheOfficerAsSixthLine_matchingOpenssl() {
        // Vector computed with scripts/hub-curl.sh's recipe (HUB_OFFICER_ID=hf-head) and openssl.
        String path = "/api/v1/cases/penalties/0d1f5b0e-6d3a-4f7e-9b1c-2a3b4c5d6e7f/decision";
        byte[] body = "{\"decidedOn\":\"2026-11-27\"}".getBytes(StandardCharsets.UTF_8);

        String canonical = HubRequestSignature.canonical("POST", path, 1_795_755_600L, NONCE, body, "hf-head");

        assertThat(canonical).isEqualTo("POST\n" + path + "\n1795755600\n" + NONCE + "\n"
                + "de85d42c52f05d67a5d3d25297d4ac0bcf58bf28f3ae8815d42cd82906196c8a\nx-hub-officer-id:hf-head");
        assertThat(HubRequestSignature.sign("top-secret", canonical))
                .isEqualTo("817DTnt+AnTgTz0zRdC4VNFmA0bx1DXeAYcfRRGRwrk=");
    }

    @Test
    void canonical_withAnotherOfficerOrNone_signsDifferently() {
        String asHead = HubRequestSignature.canonical("GET", "/api/v1/cases/penalties", 1L, NONCE, null, "hf-head");
        String asOfficer = HubRequestSignature.canonical("GET", "/api/v1/cases/penalties", 1L, NONCE, null,
                "hf-officer-1");
        String asNobody = HubRequestSignature.canonical("GET", "/api/v1/cases/penalties", 1L, NONCE, null, null);

        assertThat(HubRequestSignature.sign("s", asHead)).isNotEqualTo(HubRequestSignature.sign("s", asOfficer))
                .isNotEqualTo(HubRequestSignature.sign("s", asNobody));
        assertThat(asNobody).isEqualTo(HubRequestSignature.canonical("GET", "/api/v1/cases/penalties", 1L, NONCE,
                null));
    }

    @Test
    void canonical_whenTheOfficerHasALineBreak_refusesIt() {
        assertThatThrownBy(() -> HubRequestSignature.canonical("GET", "/x", 1L, NONCE, null, "hf-head\nPOST"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Hub-Officer-Id");
    }

    @Test
    void matches_whenSignatureOrSecretDiffers_rejects() {
        String canonical = HubRequestSignature.canonical("POST", PATH, 1L, NONCE, BODY);
        String signature = HubRequestSignature.sign("top-secret", canonical);

        assertThat(HubRequestSignature.matches("top-secret", canonical, signature)).isTrue();
        assertThat(HubRequestSignature.matches("other-secret", canonical, signature)).isFalse();
        assertThat(HubRequestSignature.matches("top-secret", canonical + "x", signature)).isFalse();
        assertThat(HubRequestSignature.matches("top-secret", canonical, null)).isFalse();
    }

    @Test
    void isWellFormedNonce_whenShapeVaries_acceptsOnly16To64AllowedCharacters() {
        assertThat(HubRequestSignature.isWellFormedNonce("0123456789abcdef")).isTrue();
        assertThat(HubRequestSignature.isWellFormedNonce("A".repeat(64))).isTrue();
        assertThat(HubRequestSignature.isWellFormedNonce("0123456789abcde")).isFalse();
        assertThat(HubRequestSignature.isWellFormedNonce("A".repeat(65))).isFalse();
        assertThat(HubRequestSignature.isWellFormedNonce("0123456789abcdef_")).isFalse();
        assertThat(HubRequestSignature.isWellFormedNonce(null)).isFalse();
    }
}
