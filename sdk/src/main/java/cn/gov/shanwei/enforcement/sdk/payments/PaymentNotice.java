package cn.gov.shanwei.enforcement.sdk.payments;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A payment notice issued through the hub, as the hub reports it (also the {@code data} of the payment webhooks).
 *
 * @param noticeId       the hub's id of the notice (poll it with {@link PaymentsClient#get(String)})
 * @param businessKey    your business key
 * @param state          where it stands
 * @param amountFen      the amount due in fen
 * @param dueDate        last day to pay
 * @param decisionNumber 处罚决定书文号
 * @param unitCode       执收单位编码
 * @param noticeNumber   缴款书号码 (20 digits), once issued
 * @param payCode        缴款识别码 (20 digits, for counters and bank apps), once issued
 * @param payUrl         where the payer pays online, once issued
 * @param issuedAt       when the non-tax payment system issued it
 * @param paidFen        the amount paid, once paid
 * @param paidAt         when it was paid, once paid
 * @param problem        why it was refused, when refused
 * @param createdAt      when the hub accepted the request
 */
public record PaymentNotice(String noticeId, String businessKey, PaymentNoticeState state, long amountFen,
                            LocalDate dueDate, String decisionNumber, String unitCode, Optional<String> noticeNumber,
                            Optional<String> payCode, Optional<URI> payUrl, Optional<Instant> issuedAt,
                            OptionalLong paidFen, Optional<Instant> paidAt, Optional<String> problem,
                            Instant createdAt) {

    public PaymentNotice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(noticeNumber, "noticeNumber");
        Objects.requireNonNull(payCode, "payCode");
        Objects.requireNonNull(payUrl, "payUrl");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(paidFen, "paidFen");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the payer has paid. */
    public boolean isPaid() {
        return state == PaymentNoticeState.PAID;
    }
}
