package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.Instant;

/**
 * One payment in a reconciliation file (对账文件明细).
 *
 * @param lineNumber    1-based line number in the file (the header is line 1)
 * @param noticeNumber  缴款书号码
 * @param payCode       缴款识别码
 * @param amountFen     the amount paid, in fen
 * @param paidAt        when it was paid
 * @param channel       how (e.g. {@code BANK}, {@code WECHAT}, {@code COUNTER})
 * @param transactionId the payment channel's transaction id
 */
public record ReconciliationLine(long lineNumber, String noticeNumber, String payCode, long amountFen, Instant paidAt,
                                 String channel, String transactionId) {
}
