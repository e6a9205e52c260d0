package cn.gov.shanwei.enforcement.app.web;

import cn.gov.shanwei.enforcement.domain.common.DomainValidationException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A status read that waits for a change (long polling): instead of a client asking again and again whether a durable
 * step has finished (a sealed decision document, an issued or paid payment notice), it names the state it already
 * knows and how long it is willing to wait, and the hub answers as soon as the state is another one, or with the
 * unchanged state when the time is up. The hub re-reads the state every {@code recheck} meanwhile: a local read of
 * one row, where a client's poll is a whole authenticated request. The re-read, not a notification, finds the
 * change, so a change made by another hub instance is seen as soon as one made by this one.
 *
 * <p>Each waiting request holds a servlet thread, so at most {@code maxWaiters} requests wait at once; past that a
 * request is answered at once with the current state, as if it had not asked to wait (the client asks again).
 */
public final class StateWait {

    /** The query parameter naming the state the client knows and waits to see changed. */
    public static final String STATE_PARAMETER = "waitWhile";
    /** The query parameter naming how long the client waits, in whole seconds. */
    public static final String SECONDS_PARAMETER = "waitSeconds";

    /**
     * The query of a status read that may wait, {@code ?waitWhile=PENDING&waitSeconds=10}; both absent: no wait.
     * The seconds are taken as text so that a bad value gets this class's field error, not a binding failure.
     */
    public record Asked(
            @Parameter(description = "the state the caller knows: the answer waits while it is this one")
            String waitWhile,
            @Parameter(description = "how long the answer may wait for another state, in whole seconds",
                    schema = @Schema(type = "integer", minimum = "0"))
            String waitSeconds) {
    }

    private final Duration longest;
    private final Duration recheck;
    private final Semaphore waiters;
    private final int maxWaiters;

    /**
     * @param longest    the longest wait a client may ask for
     * @param recheck    how often the state is read again while a request waits
     * @param maxWaiters how many requests may wait at once
     */
    public StateWait(Duration longest, Duration recheck, int maxWaiters) {
        this.longest = positive("hub.api.wait.longest", longest);
        this.recheck = positive("hub.api.wait.recheck", recheck);
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("hub.api.wait.max-waiters must not be negative, was " + maxWaiters);
        }
        this.maxWaiters = maxWaiters;
        this.waiters = new Semaphore(maxWaiters);
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Reads, and while the read's state is still {@code waitWhile} reads again every {@code recheck} until it is not
     * or {@code seconds} have passed; returns the last read. Without {@code seconds} (or 0) it reads once.
     *
     * @param read    one read of the resource (null when there is none: never waited on)
     * @param stateOf the state of a read
     * @param asked   the state the client knows (required with a wait, one of {@code states}) and how long it waits
     *                (absent or 0: not at all; at most the longest wait)
     * @param states  every state the resource can be in
     * @throws DomainValidationException for a wait out of range or an unknown state (400 with the field named)
     */
    public <T> T read(Supplier<T> read, Function<T, String> stateOf, Asked asked, Set<String> states) {
        Duration wait = requested(asked.waitSeconds());
        String waitWhile = asked.waitWhile();
        if (waitWhile != null && !states.contains(waitWhile)) {
            throw new DomainValidationException(STATE_PARAMETER, "must be one of " + new TreeSet<>(states)
                    + ", was " + waitWhile);
        }
        if (!wait.isZero() && waitWhile == null) {
            throw new DomainValidationException(STATE_PARAMETER, "is required with " + SECONDS_PARAMETER
                    + ": the state to see changed");
        }
        T state = read.get();
        if (wait.isZero() || !unchanged(state, stateOf, waitWhile) || !waiters.tryAcquire()) {
            return state;
        }
        try {
            long until = System.nanoTime() + wait.toNanos();
            while (unchanged(state, stateOf, waitWhile)) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return state;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(left, recheck.toNanos()));
                state = read.get();
            }
            return state;
        } catch (InterruptedException e) {
            // The server is stopping: answer with what is known.
            Thread.currentThread().interrupt();
            return state;
        } finally {
            waiters.release();
        }
    }

    private static <T> boolean unchanged(T read, Function<T, String> stateOf, String waitWhile) {
        return read != null && waitWhile.equals(stateOf.apply(read));
    }

    private Duration requested(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        long seconds;
        try {
            seconds = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new DomainValidationException(SECONDS_PARAMETER, "is not a whole number of seconds");
        }
        if (seconds == 0) {
            return Duration.ZERO;
        }
        if (seconds < 0 || seconds > longest.toSeconds()) {
            throw new DomainValidationException(SECONDS_PARAMETER,
                    "must be between 0 and " + longest.toSeconds() + " seconds, was " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** How many requests wait now. */
    public int waiting() {
        return maxWaiters - waiters.availablePermits();
    }

    @Override
    public String toString() {
        return "StateWait[longest " + longest + ", recheck every " + recheck + ", at most " + maxWaiters
                + " waiting]";
    }
}
