package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Handles the payment system's result callback (缴款结果通知): verify, match the amount against the notice we
 * issued, then record the notice's result exactly once. Duplicates and out-of-order callbacks are answered but
 * change nothing. Thread-safe if the store is.
 *
 * <pre>{@code
 * CallbackOutcome outcome = handler.handle(req.getHeader(PaymentCallbackVerifier.TIMESTAMP),
 *         req.getHeader(PaymentCallbackVerifier.NONCE), req.getHeader(PaymentCallbackVerifier.SIGNATURE), body);
 * // 200 {"code":"0"} for every outcome; PaymentCallbackRejectedException → 401/400
 * }</pre>
 */
public final class PaymentCallbackHandler {

    private final PaymentCallbackVerifier verifier;
    private final IssuedNotices notices;
    private final PaymentResultStore store;

    /**
     * @param verifier checks signature and window
     * @param notices  our notices and their amounts due
     * @param store    where results are recorded exactly once
     */
    public PaymentCallbackHandler(PaymentCallbackVerifier verifier, IssuedNotices notices, PaymentResultStore store) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @throws PaymentCallbackRejectedException when the signature, window or body is wrong; nothing is recorded
     */
    public CallbackOutcome handle(String timestamp, String nonce, String signature, byte[] body) {
        PaymentResult result = verifier.verify(timestamp, nonce, signature, body);
        OptionalLong due = notices.amountDueFen(result.noticeNumber());
        if (due.isEmpty()) {
            return new CallbackOutcome(CallbackOutcome.Kind.UNKNOWN_NOTICE, result);
        }
        if (due.getAsLong() != result.paidFen()) {
            return new CallbackOutcome(CallbackOutcome.Kind.AMOUNT_MISMATCH, result);
        }
        PaymentResultStore.Recorded recorded = store.recordFirst(result);
        if (recorded.first()) {
            return new CallbackOutcome(CallbackOutcome.Kind.ACCEPTED, result);
        }
        return new CallbackOutcome(recorded.result().equals(result) ? CallbackOutcome.Kind.DUPLICATE
                : CallbackOutcome.Kind.CONFLICTS_WITH_RECORDED, result);
    }
}
