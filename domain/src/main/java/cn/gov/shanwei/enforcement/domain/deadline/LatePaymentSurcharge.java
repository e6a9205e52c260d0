package cn.gov.shanwei.enforcement.domain.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * 加处罚款: from the day after the payment period ends, 3% of the unpaid fine per day, never more than the
 * fine. Amounts are fen; fractions of a fen are dropped (in the party's favour).
 */
// 行政处罚法 art. 72(1); 行政强制法 art. 45
public final class LatePaymentSurcharge {

    /** The daily rate, in percent. */
    public static final int DAILY_PERCENT = 3;

    private LatePaymentSurcharge() {
    }

    /**
     * The surcharge accrued by the end of {@code asOf} on {@code fineFen} due by {@code paymentDueOn}.
     *
     * @param paymentDueOn the last day of the payment period (after deferral, if approved)
     * @param asOf         the day paid, or today if still unpaid
     */
    public static long accrued(long fineFen, LocalDate paymentDueOn, LocalDate asOf) {
        if (fineFen < 0) {
            throw new IllegalArgumentException("a fine cannot be negative: " + fineFen);
        }
        long days = ChronoUnit.DAYS.between(paymentDueOn, asOf);
        if (days <= 0) {
            return 0;
        }
        long cappedDays = Math.min(days, 100 / DAILY_PERCENT + 1); // beyond 34 days the cap always holds
        long surcharge = Math.multiplyExact(Math.multiplyExact(fineFen, (long) DAILY_PERCENT), cappedDays) / 100;
        return Math.min(surcharge, fineFen);
    }

    /**
     * An instalment of an approved instalment plan (分期缴纳, 行政处罚法 art. 66).
     *
     * @param amountFen the instalment's amount
     * @param dueOn     its last day
     * @param paidOn    the day it was paid, or {@code null} if unpaid
     */
    public record Instalment(long amountFen, LocalDate dueOn, LocalDate paidOn) {
        public Instalment {
            Objects.requireNonNull(dueOn, "dueOn");
            if (amountFen <= 0) {
                throw new IllegalArgumentException("an instalment must be positive: " + amountFen);
            }
        }
    }

    /**
     * The surcharge on an instalment plan as of {@code asOf}: each instalment accrues on its own amount from the
     * day after its own due day until paid, and the total never exceeds the fine.
     */
    public static long accrued(long fineFen, List<Instalment> plan, LocalDate asOf) {
        long total = 0;
        for (Instalment i : plan) {
            LocalDate until = i.paidOn() == null || i.paidOn().isAfter(asOf) ? asOf : i.paidOn();
            total = Math.addExact(total, accrued(i.amountFen(), i.dueOn(), until));
        }
        return Math.min(total, fineFen);
    }
}
