package cn.gov.shanwei.enforcement.routes.support;

import org.apache.camel.Exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time one synchronous call may take in total, attempts and back-off included. A retry is allowed only if,
 * after its back-off, a whole attempt still fits before the deadline: the caller's total timeout is never passed.
 * The budget also counts the attempts, for the retry decision and the monitoring record.
 */
public final class CallBudget {

    /** Exchange property under which the budget travels with the exchange. */
    public static final String PROPERTY = "hub.callBudget";

    private final Clock clock;
    private final Instant deadline;
    private final Duration perAttempt;
    private final int maxAttempts;
    private final AtomicInteger attempts = new AtomicInteger();

    private CallBudget(Clock clock, Instant deadline, Duration perAttempt, int maxAttempts) {
        this.clock = clock;
        this.deadline = deadline;
        this.perAttempt = perAttempt;
        this.maxAttempts = maxAttempts;
    }

    public static CallBudget start(Clock clock, Duration total, Duration perAttempt, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        return new CallBudget(clock, clock.instant().plus(total), perAttempt, maxAttempts);
    }

    /** Route step run at the start of every attempt: counts it on the exchange's budget, if it has one. */
    public static void attemptStarting(Exchange exchange) {
        CallBudget budget = exchange.getProperty(PROPERTY, CallBudget.class);
        if (budget != null) {
            budget.attempts.incrementAndGet();
        }
    }

    /** Attempts started so far. */
    public int attempts() {
        return attempts.get();
    }

    /**
     * @param nextDelay the back-off before the next attempt
     */
    public boolean allowsAnotherAttempt(Duration nextDelay) {
        if (attempts.get() >= maxAttempts) {
            return false;
        }
        Instant nextAttemptEnds = clock.instant().plus(nextDelay).plus(perAttempt);
        return !nextAttemptEnds.isAfter(deadline);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
