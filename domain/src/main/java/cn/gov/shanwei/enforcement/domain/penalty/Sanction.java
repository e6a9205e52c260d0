package cn.gov.shanwei.enforcement.domain.penalty;

import cn.gov.shanwei.enforcement.domain.common.Money;

import java.util.Objects;

/**
 * One penalty of a decision (行政处罚法 art. 9): a decision may combine several, e.g. a fine and the confiscation of
 * illegal gains.
 *
 * @param kind      the kind of penalty (never {@code NO_PENALTY} or {@code TRANSFER})
 * @param amountFen the fine, or the value confiscated, in fen; 0 for other kinds
 * @param detail    what it bears on, e.g. the licence number, "停业整顿三个月", "违法所得"; may be ""
 */
public record Sanction(PenaltyKind kind, long amountFen, String detail) {

    public Sanction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (!kind.isPenalty()) {
            throw new IllegalArgumentException(kind + " is not a penalty");
        }
        if (kind.hasAmount() ? amountFen <= 0 : amountFen != 0) {
            throw new IllegalArgumentException(kind.hasAmount() ? kind + " needs a positive amount"
                    : kind + " has no amount");
        }
    }

    /** A fine of {@code fen}. */
    public static Sanction fine(long fen) {
        return new Sanction(PenaltyKind.FINE, fen, "");
    }

    /** The confiscation of {@code what}, worth {@code valueFen}. */
    public static Sanction confiscation(long valueFen, String what) {
        return new Sanction(PenaltyKind.CONFISCATION, valueFen, what);
    }

    /** A penalty without an amount (warning, licence, business or employment measures), bearing on {@code detail}. */
    public static Sanction of(PenaltyKind kind, String detail) {
        return new Sanction(kind, 0, detail);
    }

    /** In an officer's words, e.g. "a fine of 6,000 yuan", "licence revocation (JY14415210001)". */
    public String describe() {
        String base = switch (kind) {
            case FINE -> "a fine of " + Money.yuan(amountFen);
            case CONFISCATION -> "confiscation worth " + Money.yuan(amountFen);
            default -> kind.name().toLowerCase().replace('_', ' ');
        };
        return detail.isBlank() ? base : base + " (" + detail + ")";
    }

    /** Whether this is no heavier than {@code notified}: the same kind and no larger amount (art. 45). */
    boolean isCoveredBy(Sanction notified) {
        return notified.kind == kind && amountFen <= notified.amountFen;
    }
}
