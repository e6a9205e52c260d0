package cn.gov.shanwei.enforcement.adapters.licence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The provider's answer to a verification: the licence's state and, unless it was not found, its face data
 * (照面信息). Built only from a response that passed the adapter's checks.
 *
 * @param licenceId      the identifier asked about
 * @param state          the licence's state; {@link LicenceState#NOT_FOUND} is a normal answer
 * @param licenceName    证照名称, e.g. 营业执照; {@code null} when not found
 * @param catalogueCode  证照目录编码; {@code null} when not found
 * @param holderName     持证主体名称; {@code null} when not found
 * @param holderIdNumber 持证主体代码 (unified social credit code or citizen id number): personal data, never log it;
 *                       {@code null} when not found
 * @param issuerName     颁证单位名称; {@code null} when not found
 * @param validFrom      first day of validity; {@code null} when not found
 * @param validUntil     last day of validity; {@code null} when not found or valid without limit (长期有效)
 */
public record VerifyLicenceResult(String licenceId, LicenceState state, String licenceName, String catalogueCode,
                                  String holderName, String holderIdNumber, String issuerName,
                                  LocalDate validFrom, LocalDate validUntil) {

    public VerifyLicenceResult {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(state, "state");
        boolean detailsPresent = licenceName != null;
        if ((state == LicenceState.NOT_FOUND) == detailsPresent) {
            throw new IllegalArgumentException("details are present exactly when the licence exists");
        }
    }

    /** The answer for a licence the provider does not know. */
    public static VerifyLicenceResult notFound(String licenceId) {
        return new VerifyLicenceResult(licenceId, LicenceState.NOT_FOUND, null, null, null, null, null, null, null);
    }

    /** Prints the holder's id number masked: results end up in logs. */
    @Override
    public String toString() {
        return "VerifyLicenceResult[licenceId=" + licenceId + ", state=" + state + ", licenceName=" + licenceName
                + ", catalogueCode=" + catalogueCode + ", holderName=" + holderName
                + ", holderIdNumber=" + mask(holderIdNumber) + ", issuerName=" + issuerName
                + ", validFrom=" + validFrom + ", validUntil=" + validUntil + "]";
    }

    private static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }
}
