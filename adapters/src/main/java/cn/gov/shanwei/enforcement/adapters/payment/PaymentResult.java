package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment the provider reports for a notice (by callback), after its signature was verified. The amount is
 * the provider's claim: {@link PaymentCallbackHandler} matches it against the notice before accepting it.
 *
 * @param noticeNumber  缴款书号码, 20 digits
 * @param paidFen       the amount paid, in fen
 * @param paidAt        when it was paid
 * @param channel       how (e.g. {@code WECHAT}, {@code BANK})
 * @param transactionId the payment channel's transaction id
 */
public record PaymentResult(String noticeNumber, long paidFen, Instant paidAt, String channel,
                            String transactionId) {

    public PaymentResult {
        Objects.requireNonNull(noticeNumber, "noticeNumber");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
