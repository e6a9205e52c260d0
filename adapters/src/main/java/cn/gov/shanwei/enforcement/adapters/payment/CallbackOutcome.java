package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Objects;

/**
 * What became of one verified payment callback. Every outcome is acknowledged to the provider (resending would not
 * change it); only {@link Kind#ACCEPTED} changes anything, and the two refusals need a person.
 *
 * @param kind   what happened
 * @param result the callback's result as received
 */
public record CallbackOutcome(Kind kind, PaymentResult result) {

    public CallbackOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(result, "result");
    }

    /** Outcomes of a verified callback. */
    public enum Kind {
        /** First result for the notice, amount matches: recorded; the case may advance. */
        ACCEPTED,
        /** The same result again (a resend): nothing changes. */
        DUPLICATE,
        /** A different result for a notice already settled (late or out of order): nothing changes; review it. */
        CONFLICTS_WITH_RECORDED,
        /** Not a notice we issued: nothing recorded; review it. */
        UNKNOWN_NOTICE,
        /** Paid amount differs from the amount due: nothing recorded; review it. */
        AMOUNT_MISMATCH
    }

    /** Whether this callback changed the notice's state. */
    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    /** Whether a person should look at it. */
    public boolean needsReview() {
        return kind == Kind.CONFLICTS_WITH_RECORDED || kind == Kind.UNKNOWN_NOTICE || kind == Kind.AMOUNT_MISMATCH;
    }
}
