package cn.gov.shanwei.enforcement.app.payment;

import cn.gov.shanwei.enforcement.adapters.payment.PaymentResult;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A payment notice of a municipal system as it reads it ({@code GET /api/v1/payments/notices/{noticeId}}) and as the
 * {@code data} of its payment webhooks. The payer is never shown.
 *
 * @param noticeId     the hub's id (from the client's business key)
 * @param state        {@code PENDING} until issued, {@code ISSUED}, {@code PAID} once a payment was accepted, or
 *                     {@code REFUSED} by the non-tax payment system
 * @param amountFen    the amount due in fen
 * @param noticeNumber 缴款书号码 (null until issued)
 * @param payCode      缴款识别码 (null until issued)
 * @param payUrl       where the payer pays online (null until issued)
 * @param paidFen      the accepted payment (null unless paid)
 * @param paidAt       when (null unless paid)
 * @param problem      the provider's refusal (null unless refused)
 */
public record ClientNoticeView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String noticeId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String businessKey,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"PENDING", "ISSUED", "PAID",
                "REFUSED"}) String state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long amountFen,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate dueDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String decisionNumber,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String unitCode,
        String noticeNumber, String payCode, String payUrl, Instant issuedAt, Long paidFen, Instant paidAt,
        String problem,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) {

    /** The view of a notice and its accepted payment, if any. */
    public static ClientNoticeView of(ClientPaymentNotices.Row row, Optional<PaymentResult> payment) {
        PaymentResult paid = payment.orElse(null);
        String state = paid != null ? "PAID" : row.state().name();
        return new ClientNoticeView(row.noticeId(), row.businessKey(), state, row.totalFen(), row.dueOn(),
                row.decisionNumber(), row.unitCode(), row.noticeNumber(), row.payCode(), row.payUrl(), row.issuedAt(),
                paid == null ? null : paid.paidFen(), paid == null ? null : paid.paidAt(), row.problem(),
                row.createdAt());
    }
}
