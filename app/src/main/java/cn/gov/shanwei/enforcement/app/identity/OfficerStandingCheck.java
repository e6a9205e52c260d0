package cn.gov.shanwei.enforcement.app.identity;

import cn.gov.shanwei.enforcement.adapters.common.ProviderException;
import cn.gov.shanwei.enforcement.adapters.identity.IdentityProvider;
import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;
import cn.gov.shanwei.enforcement.adapters.identity.StaffDirectory;
import cn.gov.shanwei.enforcement.app.security.StaffSignedOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps signed-on staff in step with the staff directory (执法人员库): the sessions handed out by {@code /auth/callback}
 * are remembered until they expire, and each check asks the directory about their users; a user who is no longer an
 * officer, or whose certificate was suspended, revoked or ran out, loses every session at once (ended at the provider
 * and forgotten by the staff authenticator). A directory that cannot be asked ends nothing: the next check tries again.
 *
 * <p>It does not change the hub's registry (roles, subject, certificate data stay an administrator's, ADR 0901).
 */
public class OfficerStandingCheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OfficerStandingCheck.class);
    private static final int MAX_SESSIONS = 100_000;

    private final StaffDirectory directory;
    private final IdentityProvider provider;
    private final Consumer<StaffSignedOut> signedOut;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService schedule;

    /**
     * @param directory the staff directory
     * @param provider  the identity service, to end sessions
     * @param signedOut told of every ended session (the staff authenticator forgets it)
     * @param clock     the clock
     */
    public OfficerStandingCheck(StaffDirectory directory, IdentityProvider provider, Consumer<StaffSignedOut> signedOut,
                                Clock clock) {
        this.directory = directory;
        this.provider = provider;
        this.signedOut = signedOut;
        this.clock = clock;
    }

    /**
     * Runs {@link #check()} every {@code interval} on a thread of its own, until {@link #close()}.
     *
     * @param interval the pause between checks; zero or negative: never
     */
    public synchronized void checkEvery(Duration interval) {
        if (interval.isZero() || interval.isNegative() || schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "officer-standing-check");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("Officer standing check failed; next in {}", interval, e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic check. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    /** Remembers a session handed out to {@code staffUserId} until {@code expiresAt}. */
    public void signedOn(String staffUserId, String sessionToken, Instant expiresAt) {
        if (sessions.size() >= MAX_SESSIONS) {
            dropExpired();
        }
        if (sessions.size() < MAX_SESSIONS) {
            sessions.put(sessionToken, new Session(staffUserId, expiresAt));
        } else {
            LOG.warn("Too many live staff sessions to watch ({}): a new one is not checked against the directory",
                    MAX_SESSIONS);
        }
    }

    /** Forgets a session ended by its holder. */
    public void signedOut(String sessionToken) {
        sessions.remove(sessionToken);
    }

    /**
     * Asks the directory about every user with a live session and ends the sessions of those no longer in force.
     *
     * @return how many sessions were ended
     */
    public int check() {
        dropExpired();
        LocalDate today = LocalDate.now(clock.withZone(StaffSignOn.SHANWEI));
        int ended = 0;
        for (String user : sessions.values().stream().map(Session::staffUserId).distinct().toList()) {
            Optional<OfficerRecord> record;
            try {
                record = directory.findOfficer(user);
            } catch (ProviderException e) {
                LOG.warn("Could not check staff user {} against the directory ({}); trying again next time", user,
                        e.getMessage());
                continue;
            }
            if (record.isEmpty() || !record.get().mayActOn(today)) {
                ended += endSessionsOf(user, record.map(r -> "certificate " + r.certificateNumber() + " " + r.status())
                        .orElse("no longer an officer"));
            }
        }
        return ended;
    }

    private int endSessionsOf(String user, String why) {
        List<String> tokens = new ArrayList<>();
        sessions.forEach((token, session) -> {
            if (session.staffUserId().equals(user)) {
                tokens.add(token);
            }
        });
        for (String token : tokens) {
            try {
                provider.logout(token);
            } catch (ProviderException e) {
                LOG.warn("Could not end a session of {} at the identity service: {}", user, e.getMessage());
            }
            sessions.remove(token);
            signedOut.accept(new StaffSignedOut(token));
        }
        LOG.info("Ended {} session(s) of staff user {}: {}", tokens.size(), user, why);
        return tokens.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
    }

    private record Session(String staffUserId, Instant expiresAt) {
    }
}
