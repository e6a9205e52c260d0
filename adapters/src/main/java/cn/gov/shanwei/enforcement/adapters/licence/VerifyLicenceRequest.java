package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;


/**
 * What to verify and why. Checked on construction, so a request that exists can be sent.
 *
 * @param licenceId  licence identifier (证照标识, GB/T 36904), {@code 1.2.156.3005.2.…}; required
 * @param matterCode enforcement matter code (执法事项编码), the legal purpose of the check; required
 * @param caseNumber our case number, sent as the business serial (业务流水号); may be {@code null}
 * @param officerId  the officer (执法人员) on whose behalf we ask; may be {@code null}
 * @throws AdapterValidationException naming the first field that is missing, too long or malformed
 */
public record VerifyLicenceRequest(String licenceId, String matterCode, String caseNumber, String officerId) {

    public VerifyLicenceRequest {
        LicenceFields check = new LicenceFields(ElicenceClient.VERIFY);
        check.licenceId(licenceId);
        check.code("matterCode", matterCode);
        check.optional("caseNumber", caseNumber, LicenceFields.MAX_CODE);
        check.optional("officerId", officerId, LicenceFields.MAX_CODE);
    }

    /** A request outside any case, e.g. a licence check during an inspection (行政检查). */
    public static VerifyLicenceRequest of(String licenceId, String matterCode) {
        return new VerifyLicenceRequest(licenceId, matterCode, null, null);
    }
}
