package cn.gov.shanwei.enforcement.app.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The {@code state} values of sign-ons in progress (CSRF protection of the callback): random, single use and short
 * lived. A state is honoured once, within its lifetime, and only if the hub handed it out. The browser that started the
 * sign-on also holds it in a cookie, so a callback carried into another browser is refused ({@link SignOnController}).
 *
 * <p>Kept in this hub's memory (bounded): with several hub nodes the console must come back to the node it started at
 * (sticky sessions), see ADR 0901.
 */
public final class SignOnStates {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_PENDING = 100_000;

    private final Duration lifetime;
    private final Clock clock;
    private final Cache<String, Instant> pending;

    /**
     * @param lifetime how long a state stays usable
     * @param clock    the clock deciding expiry
     */
    public SignOnStates(Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("hub.identity.state-lifetime must be positive: " + lifetime);
        }
        this.lifetime = lifetime;
        this.clock = clock;
        this.pending = Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(MAX_PENDING).build();
    }

    /** A fresh state (43 URL-safe characters, 256 random bits), usable once within the lifetime. */
    public String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(state, clock.instant().plus(lifetime));
        return state;
    }

    /** How long an issued state lives. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Uses a state up.
     *
     * @return whether it was issued here, not used before and not expired
     */
    public boolean consume(String state) {
        if (state == null) {
            return false;
        }
        Instant expires = pending.asMap().remove(state);
        return expires != null && clock.instant().isBefore(expires);
    }
}
