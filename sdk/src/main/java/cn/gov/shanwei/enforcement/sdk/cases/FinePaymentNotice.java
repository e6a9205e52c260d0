package cn.gov.shanwei.enforcement.sdk.cases;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The payment notice (电子非税收入一般缴款书) the hub had the non-tax payment service issue for a served fine.
 *
 * @param requestNo    the hub's request number for the notice
 * @param state        {@code PENDING} until the province issued it, then {@code ISSUED}, and {@code PAID} once a
 *                     payment result was accepted
 * @param fineFen      the fine in fen
 * @param dueOn        the last day to pay
 * @param noticeNumber 缴款书号码, {@code null} while pending
 * @param payCode      缴款识别码, {@code null} while pending
 * @param payUrl       where the party pays online, {@code null} while pending
 * @param issuedAt     when the province issued it, {@code null} while pending
 * @param paidFen      the accepted payment in fen, {@code null} unless paid
 * @param paidAt       when it was paid, {@code null} unless paid
 * @param surcharge    the late-payment surcharge notice opened once the fine was overdue, {@code null} while there is
 *                     none
 */
public record FinePaymentNotice(String requestNo, String state, long fineFen, LocalDate dueOn, String noticeNumber,
                                String payCode, String payUrl, Instant issuedAt, Long paidFen, Instant paidAt,
                                Surcharge surcharge) {

    /** A notice without a surcharge (the shape before surcharges were shown), for code that builds one. */
    public FinePaymentNotice(String requestNo, String state, long fineFen, LocalDate dueOn, String noticeNumber,
                             String payCode, String payUrl, Instant issuedAt, Long paidFen, Instant paidAt) {
        this(requestNo, state, fineFen, dueOn, noticeNumber, payCode, payUrl, issuedAt, paidFen, paidAt, null);
    }

    /**
     * The late-payment surcharge notice (加处罚款缴款书): 3 % of the fine a day once the fine is overdue, at most the
     * fine (《行政处罚法》第七十二条).
     *
     * @param requestNo    the hub's request number for it
     * @param state        {@code PENDING}, {@code ISSUED} or {@code PAID}, as for the fine's notice
     * @param surchargeFen the surcharge in fen
     * @param accruedUntil the day it was counted to
     * @param dueOn        the last day to pay it
     * @param noticeNumber 缴款书号码, {@code null} while pending
     * @param payCode      缴款识别码, {@code null} while pending
     * @param payUrl       where the party pays it online, {@code null} while pending
     * @param issuedAt     when the province issued it, {@code null} while pending
     * @param paidFen      the accepted payment in fen, {@code null} unless paid
     * @param paidAt       when it was paid, {@code null} unless paid
     */
    public record Surcharge(String requestNo, String state, long surchargeFen, LocalDate accruedUntil,
                            LocalDate dueOn, String noticeNumber, String payCode, String payUrl, Instant issuedAt,
                            Long paidFen, Instant paidAt) {
    }
}
