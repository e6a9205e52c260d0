package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.LocalDate;

/**
 * A late-payment surcharge notice (加处罚款缴款书) following an unpaid penalty notice. The amount is the domain's
 * to compute ({@code LatePaymentSurcharge}: 3% a day, never above the fine); the adapter only carries it.
 *
 * @param requestNo            our business key, as for {@link IssueNoticeRequest#requestNo()}
 * @param originalNoticeNumber the 20-digit number of the unpaid penalty notice
 * @param surchargeFen         the surcharge in fen
 * @param accruedUntil         the last day counted into the surcharge
 * @param dueDate              last day to pay it
 */
public record SurchargeNoticeRequest(String requestNo, String originalNoticeNumber, long surchargeFen,
                                     LocalDate accruedUntil, LocalDate dueDate) {

    /** @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the bad field */
    public SurchargeNoticeRequest {
        String op = NonTaxPaymentClient.ISSUE_SURCHARGE;
        PaymentInput.matching(op, "requestNo", requestNo, PaymentInput.CODE, "1-64 letters, digits or . _ : -");
        PaymentInput.matching(op, "originalNoticeNumber", originalNoticeNumber, PaymentInput.NOTICE_NUMBER,
                "20 digits");
        PaymentInput.fen(op, "surchargeFen", surchargeFen);
        if (accruedUntil == null) {
            throw PaymentInput.invalid(op, "accruedUntil", "is required");
        }
        if (dueDate == null || dueDate.isBefore(accruedUntil)) {
            throw PaymentInput.invalid(op, "dueDate", "is required and may not precede accruedUntil");
        }
    }
}
