package cn.gov.shanwei.enforcement.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.shanwei.enforcement.sdk.licences.VerifyLicenceRequest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnforcementHubClientBuilderTest {

    private static final String SECRET = "s3cr3t-never-printed";

    private static EnforcementHubClient.Builder valid() {
        return EnforcementHubClient.builder().endpoint("https://hub.example.gov.cn/gateway/")
                .credentials("market-supervision", SECRET);
    }

    @Test
    void build_whenValid_normalisesEndpointWithoutTrailingSlash() {
        try (EnforcementHubClient client = valid().build()) {
            assertThat(client.endpoint()).isEqualTo(URI.create("https://hub.example.gov.cn/gateway"));
            assertThat(client.licences()).isNotNull();
        }
    }

    @Test
    void problems_whenSeveralSettingsBad_listsEachWithoutBuilding() {
        EnforcementHubClient.Builder builder = EnforcementHubClient.builder().endpoint("ftp://hub.example")
                .credentials("has space", " ").timeouts(Duration.ofSeconds(9), Duration.ofSeconds(3))
                .applicationName("a(b)");

        assertThat(builder.problems()).containsExactly(
                "endpoint must be an absolute http or https URI, was ftp://hub.example",
                "clientId must be 1-128 visible ASCII characters without spaces",
                "clientSecret must not be blank",
                "perAttempt timeout (PT9S) must not exceed the total timeout (PT3S)",
                "applicationName must be 1-64 printable ASCII characters without parentheses");
        assertThat(valid().problems()).isEmpty();
        assertThat(EnforcementHubClient.builder().problems()).containsExactly(
                "endpoint is required: call endpoint(\"https://…\")",
                "credentials are required: call credentials(clientId, clientSecret)");
    }

    @Test
    void build_whenEndpointMissing_failsNamingIt() {
        assertThatThrownBy(() -> EnforcementHubClient.builder().credentials("a", "b").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("endpoint is required");
    }

    @Test
    void build_whenEndpointRelativeOrNotHttp_failsNamingIt() {
        assertThatThrownBy(() -> valid().endpoint("/api").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> valid().endpoint("ftp://hub.example").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http or https");
        assertThatThrownBy(() -> valid().endpoint("https://hub.example?x=1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    }

    @Test
    void build_whenCredentialsMissingOrBlank_failsNamingThem() {
        assertThatThrownBy(() -> EnforcementHubClient.builder().endpoint("https://hub.example").build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("credentials are required");
        assertThatThrownBy(() -> valid().credentials("id", " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientSecret");
        assertThatThrownBy(() -> valid().credentials("has space", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clientId");
    }

    @Test
    void build_whenPerAttemptExceedsTotal_fails() {
        assertThatThrownBy(() -> valid().timeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed the total");
    }

    @Test
    void build_whenTimeoutNotPositive_fails() {
        assertThatThrownBy(() -> valid().timeouts(Duration.ZERO, Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perAttempt timeout must be positive");
        assertThatThrownBy(() -> valid().timeouts(Duration.ofSeconds(-1), Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }

    @Test
    void build_whenApplicationNameHasParentheses_fails() {
        assertThatThrownBy(() -> valid().applicationName("portal (v2)").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicationName");
    }

    @Test
    void toString_whenBuilt_showsConfigurationButNeverTheSecret() {
        try (EnforcementHubClient client = valid().applicationName("portal").build()) {
            assertThat(client.toString())
                    .contains("market-supervision", "hub.example.gov.cn", "portal", "PT5S", "PT15S")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void licences_whenClientClosed_refusesCalls() {
        EnforcementHubClient client = valid().build();
        client.close();

        assertThatThrownBy(() -> client.licences().verify(VerifyLicenceRequest.of("1.2.156.3005.2.x", "M1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void retryPolicy_whenInvalid_failsNamingTheSetting() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void requestOptions_whenValueHasSpaces_fails() {
        assertThatThrownBy(() -> RequestOptions.none().withIdempotencyKey("a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey");
    }
}
