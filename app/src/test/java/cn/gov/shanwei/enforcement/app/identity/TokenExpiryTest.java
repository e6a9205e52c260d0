package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.SignOn;
import cn.gov.shanwei.enforcement.adapters.identity.TokenStatus;
import cn.gov.shanwei.enforcement.app.security.IdentityProviderStaffAuthenticator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the staff API treats a signed-on token over time (the sandbox's sessions last two hours, so expiry is shown
 * here with a provider stand-in and a movable clock): expired tokens are refused even where an answer was remembered,
 * and a sign-out is honoured at once.
 */
class TokenExpiryTest {

    private final MovableClock clock = new MovableClock();
    private final CountingProvider provider = new CountingProvider();
    private final IdentityProviderStaffAuthenticator staff =
            new IdentityProviderStaffAuthenticator(provider, clock, Duration.ofSeconds(60));

    @Test
    void authenticate_whenTheTokenHasExpired_refusesEvenThoughAnActiveAnswerWasRemembered() {
        provider.sessions.put("AT-1", new TokenStatus(true, "sw-staff-0001", clock.now.plusSeconds(30)));
        assertThat(staff.authenticate("AT-1")).isPresent();
        assertThat(staff.authenticate("AT-1")).isPresent();
        assertThat(provider.validations).isEqualTo(1);  // the second answer came from memory

        clock.now = clock.now.plusSeconds(31);
        assertThat(staff.authenticate("AT-1")).isEmpty();
    }

    @Test
    void authenticate_whenTheProviderStillSaysActiveButTheExpiryHasPassed_refuses() {
        provider.sessions.put("AT-2", new TokenStatus(true, "sw-staff-0001", clock.now.minusSeconds(1)));
        assertThat(staff.authenticate("AT-2")).isEmpty();
    }

    @Test
    void forget_afterSignOut_asksTheProviderAgain() {
        provider.sessions.put("AT-3", new TokenStatus(true, "sw-staff-0001", clock.now.plusSeconds(3600)));
        assertThat(staff.authenticate("AT-3")).isPresent();
        provider.logout("AT-3");
        assertThat(staff.authenticate("AT-3")).isPresent(); // remembered: why sign-out must make it forget
        staff.forget("AT-3");
        assertThat(staff.authenticate("AT-3")).isEmpty();
    }

    private static final class CountingProvider implements IdentityProvider {
        final Map<String, TokenStatus> sessions = new HashMap<>();
        int validations;

        @Override
        public URI authorizeUrl(String state) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public SignOn exchange(String codeOrTicket) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public TokenStatus validate(String sessionToken) {
            validations++;
            return sessions.getOrDefault(sessionToken, TokenStatus.inactive());
        }

        @Override
        public void logout(String sessionToken) {
            sessions.remove(sessionToken);
        }
    }
}
