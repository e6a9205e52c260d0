package cn.gov.shanwei.enforcement.adapters.payment;

/**
 * One line of a payment notice (缴款书收入项目).
 *
 * @param itemCode  收入项目编码 in the province's non-tax catalogue, e.g. {@code 103050100} (罚没收入), 1–64 of
 *                  letters, digits, {@code . _ : -}
 * @param itemName  its name, 1–60 characters
 * @param amountFen the amount in fen, 1 to 10,000,000,000
 */
public record NoticeItem(String itemCode, String itemName, long amountFen) {

    /** @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the bad field */
    public NoticeItem {
        itemCode = PaymentInput.matching(NonTaxPaymentClient.ISSUE_NOTICE, "items.itemCode", itemCode,
                PaymentInput.CODE, "1-64 letters, digits or . _ : -");
        itemName = PaymentInput.text(NonTaxPaymentClient.ISSUE_NOTICE, "items.itemName", itemName, 60);
        PaymentInput.fen(NonTaxPaymentClient.ISSUE_NOTICE, "items.amountFen", amountFen);
    }
}
