package cn.gov.shanwei.enforcement.app.security;

import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.TokenStatus;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Validates staff bearer tokens with the province's unified identity service ({@link IdentityProvider#validate}).
 * An active answer is remembered for a short while (never past the token's expiry), so that a page of requests does
 * not cost a provincial call each; an inactive answer is never remembered.
 */
public class IdentityProviderStaffAuthenticator implements StaffAuthenticator {

    private final IdentityProvider identity;
    private final Clock clock;
    private final Cache<String, TokenStatus> recent;

    /**
     * @param identity the unified-identity adapter
     * @param clock    the clock
     * @param remember how long an active answer is trusted
     */
    public IdentityProviderStaffAuthenticator(IdentityProvider identity, Clock clock, Duration remember) {
        this.identity = identity;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(100_000).build();
    }

    @Override
    public Optional<StaffUser> authenticate(String bearerToken) {
        TokenStatus known = recent.getIfPresent(bearerToken);
        TokenStatus status = known != null && known.expiresAt().isAfter(clock.instant()) ? known
                : identity.validate(bearerToken);
        if (!status.active() || !status.expiresAt().isAfter(clock.instant())) {
            recent.invalidate(bearerToken);
            return Optional.empty();
        }
        recent.put(bearerToken, status);
        return Optional.of(new StaffUser(status.subjectId()));
    }

    /** Forgets a remembered answer about {@code bearerToken} (its session was ended at the hub). */
    public void forget(String bearerToken) {
        recent.invalidate(bearerToken);
    }
}
