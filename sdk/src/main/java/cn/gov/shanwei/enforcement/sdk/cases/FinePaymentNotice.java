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
 */
public record FinePaymentNotice(String requestNo, String state, long fineFen, LocalDate dueOn, String noticeNumber,
                            String payCode, String payUrl, Instant issuedAt, Long paidFen, Instant paidAt) {
}
