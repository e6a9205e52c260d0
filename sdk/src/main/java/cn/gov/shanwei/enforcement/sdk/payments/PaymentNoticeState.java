package cn.gov.shanwei.enforcement.sdk.payments;

/** Where a payment notice (缴款书) issued through the hub stands. */
public enum PaymentNoticeState {
    /** Accepted by the hub; the non-tax payment system has not issued it yet (the hub keeps trying). */
    PENDING,
    /** Issued: it has its notice number and payment code, and waits for the payer. */
    ISSUED,
    /** The payer paid it; the non-tax payment system's signed result reached the hub. */
    PAID,
    /** The non-tax payment system refused to issue it ({@link PaymentNotice#problem()} says why); final. */
    REFUSED
}
