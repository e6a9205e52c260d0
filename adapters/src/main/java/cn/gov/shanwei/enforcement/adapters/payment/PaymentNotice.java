package cn.gov.shanwei.enforcement.adapters.payment;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An issued notice: what the payer needs to pay it.
 *
 * @param noticeNumber 缴款书号码, 20 digits
 * @param payCode      缴款识别码, 20 digits (for counters and bank apps)
 * @param payUrl       where the payer pays online
 * @param qrPayload    the text to render as the payment QR code
 * @param totalFen     the amount due in fen, as the provider recorded it (checked against what we asked for)
 * @param dueDate      last day to pay, as the provider recorded it
 */
public record PaymentNotice(String noticeNumber, String payCode, URI payUrl, String qrPayload, long totalFen,
                            LocalDate dueDate) {

    public PaymentNotice {
        Objects.requireNonNull(noticeNumber, "noticeNumber");
        Objects.requireNonNull(payCode, "payCode");
        Objects.requireNonNull(payUrl, "payUrl");
        Objects.requireNonNull(qrPayload, "qrPayload");
        Objects.requireNonNull(dueDate, "dueDate");
    }
}
