package cn.gov.shanwei.enforcement.adapters.licence;

import cn.gov.shanwei.enforcement.adapters.common.AdapterValidationException;

import java.util.regex.Pattern;

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

    /** Shape only: the check character is the domain's business ({@code LicenceId}), not the adapter's. */
    private static final Pattern LICENCE_ID = Pattern.compile("1\\.2\\.156\\.3005\\.2(\\.[0-9A-Z]{1,32}){5}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._-]+");
    static final int MAX_LICENCE_ID = 128;
    static final int MAX_CODE = 64;

    public VerifyLicenceRequest {
        require("licenceId", licenceId, MAX_LICENCE_ID);
        if (!LICENCE_ID.matcher(licenceId).matches()) {
            throw invalid("licenceId", "must read 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>,"
                    + " upper-case letters and digits");
        }
        require("matterCode", matterCode, MAX_CODE);
        if (!CODE.matcher(matterCode).matches()) {
            throw invalid("matterCode", "may hold only letters, digits, '.', '_' and '-'");
        }
        optional("caseNumber", caseNumber, MAX_CODE);
        optional("officerId", officerId, MAX_CODE);
    }

    /** A request outside any case, e.g. a licence check during an inspection (行政检查). */
    public static VerifyLicenceRequest of(String licenceId, String matterCode) {
        return new VerifyLicenceRequest(licenceId, matterCode, null, null);
    }

    private static void require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        optional(field, value, maxLength);
    }

    private static void optional(String field, String value, int maxLength) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw invalid(field, "must not be blank when given");
        }
        if (value.length() > maxLength) {
            throw invalid(field, "is longer than " + maxLength + " characters");
        }
    }

    private static AdapterValidationException invalid(String field, String reason) {
        return new AdapterValidationException(ElicenceClient.PROVIDER, ElicenceClient.VERIFY, field, reason);
    }
}
