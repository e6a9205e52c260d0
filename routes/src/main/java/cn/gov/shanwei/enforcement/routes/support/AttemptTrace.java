package cn.gov.shanwei.enforcement.routes.support;

import cn.gov.shanwei.enforcement.adapters.common.ProviderRejectedException;
import cn.gov.shanwei.enforcement.adapters.common.ProviderResponseInvalidException;
import cn.gov.shanwei.enforcement.routes.monitoring.ProviderLeg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The provider's part of one synchronous call, as its gateway saw it: for each attempt, when the request left and
 * how large it was, and when an answer came back and how large it was. {@link SynchronousCallRoute} puts one on the
 * exchange ({@link #PROPERTY}); the gateway reports each attempt to it; {@link ProviderCallInvoker} turns the last
 * attempt into the monitoring record's {@link ProviderLeg}. Sizes are the UTF-8 bytes of the request and answer as the
 * message log keeps them, like the durable path's payload and reference.
 *
 * <p>Thread-safe: attempts run on the time limiter's threads, and an attempt the limiter gave up on may still report
 * late; it then changes its own attempt, never the one after it.
 */
public final class AttemptTrace {

    /** Exchange property under which the trace travels with the exchange. */
    public static final String PROPERTY = "hub.attemptTrace";

    private volatile Attempt last;

    /** A request of {@code requestText} left for the provider at {@code sentAt}; report its end to the attempt. */
    public Attempt sent(Instant sentAt, String requestText) {
        Attempt attempt = new Attempt(sentAt, utf8Bytes(requestText));
        last = attempt;
        return attempt;
    }

    /**
     * The provider's part of the call's last attempt, with {@code status}; null if no request was sent (the
     * bulkhead or the breaker refused every attempt, or the input was refused before sending).
     */
    public ProviderLeg leg(String status) {
        Attempt attempt = last;
        return attempt == null ? null : attempt.leg(status);
    }

    static long utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** One attempt: sent, then answered or failed. */
    public static final class Attempt {
        private final Instant sentAt;
        private final long requestBytes;
        private volatile Instant answeredAt;
        private volatile Long responseBytes;

        private Attempt(Instant sentAt, long requestBytes) {
            this.sentAt = sentAt;
            this.requestBytes = requestBytes;
        }

        /** The provider answered at {@code at} with {@code responseBytes} bytes. */
        public void answered(Instant at, long responseBytes) {
            this.responseBytes = responseBytes;
            this.answeredAt = at;
        }

        /** The attempt failed at {@code at}: an answer came only if the provider refused or answered unusably. */
        public void failed(Instant at, Throwable failure) {
            Throwable cause = ProviderFailureTranslator.unwrap(failure);
            if (cause instanceof ProviderRejectedException || cause instanceof ProviderResponseInvalidException) {
                this.answeredAt = at;
            }
        }

        private ProviderLeg leg(String status) {
            Instant answered = answeredAt; // read once: a late report must not split the pair
            return ProviderLeg.ofRead(sentAt, answered, requestBytes, answered == null ? null : responseBytes,
                    status);
        }
    }
}
