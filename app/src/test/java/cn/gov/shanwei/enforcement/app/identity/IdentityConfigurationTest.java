package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.app.identity.IdentityConfiguration.IdentitySettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityConfigurationTest {

    private static final URI CALLBACK = URI.create("https://hub.example/auth/callback");

    private static IdentityProperties properties(IdentityProperties.Kind kind, URI endpoint, String paasId,
                                                 String token, String clientId, String secret, URI callback) {
        return new IdentityProperties(true, kind, endpoint, paasId, token, clientId, secret, callback,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ZERO);
    }

    @Test
    void resolve_withoutTheSandboxAndWithoutSettings_namesEveryMissingSetting() {
        assertThatThrownBy(() -> IdentitySettings.resolve(properties(IdentityProperties.Kind.OAUTH, null, null,
                null, " ", null, null), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HUB_IDENTITY_ENDPOINT").hasMessageContaining("HUB_IDENTITY_PAAS_ID")
                .hasMessageContaining("HUB_IDENTITY_TIF_TOKEN").hasMessageContaining("HUB_IDENTITY_CLIENT_ID")
                .hasMessageContaining("HUB_IDENTITY_CLIENT_SECRET").hasMessageContaining("HUB_IDENTITY_CALLBACK_URI");
    }

    @Test
    void resolve_cas_needsNoClientCredentials() {
        IdentitySettings cas = IdentitySettings.resolve(properties(IdentityProperties.Kind.CAS,
                URI.create("https://sso.example/identity"), "paas", "token-0123", null, null, CALLBACK), null);
        assertThat(cas.clientId()).isNull();
        assertThat(cas.callbackUri()).isEqualTo(CALLBACK);
        assertThatThrownBy(() -> IdentitySettings.resolve(properties(IdentityProperties.Kind.CAS,
                URI.create("https://sso.example/identity"), "paas", "token-0123", null, null, null), null))
                .hasMessageContaining("hub.identity.callback-uri").hasMessageNotContaining("CLIENT_ID");
    }

    @Test
    void resolve_toString_hidesTheClientSecret() {
        IdentitySettings oauth = IdentitySettings.resolve(properties(IdentityProperties.Kind.OAUTH,
                URI.create("https://sso.example/identity"), "paas", "token-0123", "hub", "s3cret-value", CALLBACK),
                null);
        assertThat(oauth.toString()).doesNotContain("s3cret-value").doesNotContain("token-0123");
    }

    @Test
    void states_areSingleUse_andExpire() {
        MovableClock clock = new MovableClock();
        SignOnStates states = new SignOnStates(Duration.ofMinutes(5), clock);
        String first = states.issue();
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(states.consume(first)).isTrue();
        assertThat(states.consume(first)).isFalse();
        assertThat(states.consume("never-issued-0123")).isFalse();
        assertThat(states.consume(null)).isFalse();

        String late = states.issue();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(states.consume(late)).isFalse();
    }
}
