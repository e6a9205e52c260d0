package cn.gov.shanwei.enforcement.adapters.payment;

import java.util.regex.Pattern;

/**
 * Who must pay (缴款人): a natural person by 身份证号 or an organisation by 统一社会信用代码.
 *
 * @param name     name, 1–100 characters
 * @param idNumber 18 characters (GB 11643 / GB 32100 shape); personal data: {@link #toString()} masks it
 */
public record Payer(String name, String idNumber) {

    private static final Pattern ID = Pattern.compile("[0-9A-Z]{17}[0-9A-Z]");

    /** @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the bad field */
    public Payer {
        name = PaymentInput.text(NonTaxPaymentClient.ISSUE_NOTICE, "payer.name", name, 100);
        idNumber = PaymentInput.matching(NonTaxPaymentClient.ISSUE_NOTICE, "payer.idNumber", idNumber, ID,
                "18 upper-case letters or digits (身份证号 or 统一社会信用代码)");
    }

    @Override
    public String toString() {
        return "Payer[name=" + name + ", idNumber=" + idNumber.substring(0, 4) + "************"
                + idNumber.substring(16) + "]";
    }
}
