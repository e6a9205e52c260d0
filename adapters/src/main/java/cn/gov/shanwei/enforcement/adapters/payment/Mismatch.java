package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Objects;

/**
 * One disagreement between the reconciliation file and our records.
 *
 * @param kind         what disagrees
 * @param noticeNumber the notice concerned
 * @param lineNumber   its line in the file; 0 for {@link Kind#KNOWN_BUT_MISSING}
 * @param expectedFen  what we expected in fen; 0 when we know no amount
 * @param reportedFen  what the file says in fen; 0 when the file has no line
 */
public record Mismatch(Kind kind, String noticeNumber, long lineNumber, long expectedFen, long reportedFen) {

    public Mismatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(noticeNumber, "noticeNumber");
    }

    /** Kinds of disagreement, each needing a different follow-up. */
    public enum Kind {
        /** Paid, but not a notice we issued (对账单边: 省方有、我方无). */
        PAID_BUT_UNKNOWN,
        /** Our notice, paid with an amount other than the amount due. */
        AMOUNT_DIFFERS,
        /** Our notice, paid in full, but no payment callback was accepted: the callback was lost. */
        PAID_NOT_CONFIRMED,
        /** We accepted a payment the file does not list (对账单边: 我方有、省方无). */
        KNOWN_BUT_MISSING,
        /** The same notice appears on more than one line. */
        DUPLICATE_LINE
    }
}
