package cn.gov.shanwei.enforcement.app.licence;

import cn.gov.shanwei.enforcement.domain.licence.LicenceDetails;
import cn.gov.shanwei.enforcement.domain.licence.LicenceVerification;

import java.time.Instant;
import java.time.LocalDate;

/** The answer of a licence verification: an unknown licence is {@code status: NOT_FOUND}, not an error. */
public record LicenceVerificationResponse(String licenceId, String status, boolean valid, Details details,
                                          Instant checkedAt) {

    /** Face data of an existing licence; the holder's id number is masked. */
    public record Details(String licenceName, String catalogueCode, String holderName, String holderIdMasked,
                          String issuerName, LocalDate validFrom, LocalDate validUntil) {

        static Details of(LicenceDetails details) {
            return new Details(details.licenceName(), details.catalogueCode(), details.holderName(),
                    details.holderIdMasked(), details.issuerName(), details.validFrom(), details.validUntil());
        }
    }

    public static LicenceVerificationResponse of(LicenceVerification verification) {
        return new LicenceVerificationResponse(verification.licenceId().value(), verification.status().name(),
                verification.isValid(), verification.details().map(Details::of).orElse(null),
                verification.checkedAt());
    }
}
