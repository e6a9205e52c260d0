package cn.gov.shanwei.enforcement.adapters.payment;

import cn.gov.shanwei.enforcement.adapters.identity.ResidentIdNumber;
import cn.gov.shanwei.enforcement.adapters.identity.SocialCreditCode;

/**
 * Who must pay (缴款人): a natural person by 身份证号 or an organisation by 统一社会信用代码.
 *
 * @param name     name, 1–100 characters
 * @param idNumber 身份证号 or 统一社会信用代码, check character verified; personal data: {@link #toString()} masks it
 */
public record Payer(String name, String idNumber) {

    /** @throws cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException naming the bad field */
    public Payer {
        name = PaymentInput.text(NonTaxPaymentClient.ISSUE_NOTICE, "payer.name", name, 100);
        if (idNumber == null || !ResidentIdNumber.isValid(idNumber) && !SocialCreditCode.isValid(idNumber)) {
            throw PaymentInput.invalid(NonTaxPaymentClient.ISSUE_NOTICE, "payer.idNumber",
                    "must be a 身份证号 (GB 11643) or 统一社会信用代码 (GB 32100) with a correct check character");
        }
    }

    @Override
    public String toString() {
        return "Payer[name=" + name + ", idNumber=" + idNumber.substring(0, 4) + "************"
                + idNumber.substring(16) + "]";
    }
}
