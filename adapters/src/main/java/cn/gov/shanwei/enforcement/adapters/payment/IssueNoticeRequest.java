package cn.gov.shanwei.enforcement.adapters.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A payment notice (电子非税收入一般缴款书, notice type 2 = penalty) for one penalty decision.
 *
 * @param requestNo      our business key for this notice, 1–64 of letters, digits, {@code . _ : -}: the provider
 *                       answers a repeated {@code requestNo} with the notice it already issued, and
 *                       {@link NonTaxPaymentClient#findNotice} finds it before any retry
 * @param caseNumber     案件编号
 * @param decisionNumber 处罚决定书文号, 1–64 characters
 * @param payer          who pays
 * @param items          1–10 lines, amounts in fen
 * @param dueDate        last day to pay (缴款期限, 行政处罚法 art. 67: 15 days from service)
 * @param unitCode       执收单位编码 of the collecting unit
 * @param regionCode     six-digit 行政区划代码 of the collecting unit, e.g. {@code 441502}
 */
public record IssueNoticeRequest(String requestNo, String caseNumber, String decisionNumber, Payer payer,
                                 List<NoticeItem> items, LocalDate dueDate, String unitCode, String regionCode) {

    /** @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the bad field */
    public IssueNoticeRequest {
        String op = NonTaxPaymentClient.ISSUE_NOTICE;
        PaymentInput.matching(op, "requestNo", requestNo, PaymentInput.CODE, "1-64 letters, digits or . _ : -");
        PaymentInput.matching(op, "caseNumber", caseNumber, PaymentInput.CODE, "1-64 letters, digits or . _ : -");
        decisionNumber = PaymentInput.text(op, "decisionNumber", decisionNumber, 64);
        if (payer == null) {
            throw PaymentInput.invalid(op, "payer", "is required");
        }
        if (items == null || items.isEmpty() || items.size() > 10) {
            throw PaymentInput.invalid(op, "items", "must hold 1 to 10 lines");
        }
        items = List.copyOf(items);
        if (dueDate == null) {
            throw PaymentInput.invalid(op, "dueDate", "is required");
        }
        PaymentInput.matching(op, "unitCode", unitCode, PaymentInput.CODE, "1-64 letters, digits or . _ : -");
        PaymentInput.matching(op, "regionCode", regionCode, PaymentInput.REGION, "six digits (行政区划代码)");
        PaymentInput.fen(op, "items", totalOf(items));
    }

    /** The sum of the items in fen. */
    public long totalFen() {
        return totalOf(items);
    }

    private static long totalOf(List<NoticeItem> items) {
        long total = 0;
        for (NoticeItem item : Objects.requireNonNull(items)) {
            total = Math.addExact(total, item.amountFen());
        }
        return total;
    }
}
