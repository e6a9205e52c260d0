package cn.gov.shanwei.enforcement.app.identity;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-ons that calling systems started for their users (ADR 0915), in table {@code identity_sign_on} (V73) so that
 * the provider's return and the exchange may reach any hub instance. The id is 256 random bits and doubles as the
 * {@code state} sent to the identity service; a sign-on is completed once, by the system that started it, within its
 * lifetime. Nothing personal is stored.
 */
public final class ClientSignOns {

    /** How long after expiry a row is kept (to tell "expired" from "unknown" for a while). */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param jdbc     the hub's database
     * @param lifetime how long a started sign-on may take to be completed
     * @param clock    the clock deciding expiry
     */
    public ClientSignOns(JdbcClient jdbc, Duration lifetime, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("hub.identity.state-lifetime must be positive: " + lifetime);
        }
        this.lifetime = lifetime;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A started sign-on.
     *
     * @param id        the sign-on's id, also the {@code state} of the provider's login
     * @param clientId  the system that started it
     * @param returnUrl where the browser goes back to (one of the system's registered URLs)
     * @param expiresAt when it can no longer be completed
     */
    public record Pending(String id, String clientId, String returnUrl, Instant expiresAt) {
    }

    /** How completing a sign-on went. */
    public enum Completion {
        /** Completed now, by its own system: go on with the exchange. */
        COMPLETED,
        /** No such sign-on for this system (never started, another system's, or long gone). */
        UNKNOWN,
        /** Completed before. */
        USED,
        /** Not completed within its lifetime. */
        EXPIRED
    }

    /** Starts a sign-on of {@code clientId}'s user, to return to {@code returnUrl}; forgets long-expired ones. */
    public Pending start(String clientId, String returnUrl) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM identity_sign_on WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(KEEP_EXPIRED))).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Pending pending = new Pending(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), clientId,
                returnUrl, now.plus(lifetime));
        jdbc.sql("INSERT INTO identity_sign_on (sign_on_id, client_id, return_url, created_at, expires_at)"
                        + " VALUES (:id, :client, :url, :created, :expires)")
                .param("id", pending.id()).param("client", clientId).param("url", returnUrl)
                .param("created", Timestamp.from(now)).param("expires", Timestamp.from(pending.expiresAt()))
                .update();
        return pending;
    }

    /** The sign-on whose state is {@code id}, while it can still be completed. */
    public Optional<Pending> pending(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT client_id, return_url, expires_at FROM identity_sign_on WHERE sign_on_id = :id"
                        + " AND completed_at IS NULL AND expires_at > :now")
                .param("id", id).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(id, rs.getString("client_id"), rs.getString("return_url"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Completes {@code id} for {@code clientId}, atomically: of two racing completions one wins. */
    public Completion complete(String id, String clientId) {
        Timestamp now = Timestamp.from(clock.instant());
        int completed = jdbc.sql("UPDATE identity_sign_on SET completed_at = :now WHERE sign_on_id = :id"
                        + " AND client_id = :client AND completed_at IS NULL AND expires_at > :now")
                .param("now", now).param("id", id).param("client", clientId).update();
        if (completed == 1) {
            return Completion.COMPLETED;
        }
        Optional<Map<String, Object>> row = jdbc.sql("SELECT completed_at FROM identity_sign_on"
                        + " WHERE sign_on_id = :id AND client_id = :client")
                .param("id", id).param("client", clientId).query().listOfRows().stream().findFirst();
        if (row.isEmpty()) {
            return Completion.UNKNOWN;
        }
        return row.get().get("completed_at") != null ? Completion.USED : Completion.EXPIRED;
    }

    /**
     * Undoes a completion when the identity service was never asked or could not be reached, so the system's retry
     * is not refused as a second use (the provider's code, not this row, is what is single-use there).
     */
    public void release(String id) {
        jdbc.sql("UPDATE identity_sign_on SET completed_at = NULL WHERE sign_on_id = :id").param("id", id).update();
    }
}
