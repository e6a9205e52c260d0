package cn.gov.shanwei.enforcement.domain.licence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The face data (照面信息) of a licence that exists. The holder's id number is kept masked: the hub does not
 * pass personal identifiers on for a mere validity check.
 */
public record LicenceDetails(String licenceName, String catalogueCode, String holderName, String holderIdMasked,
                             String issuerName, LocalDate validFrom, LocalDate validUntil) {

    public LicenceDetails {
        Objects.requireNonNull(licenceName, "licenceName");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is before validFrom " + validFrom);
        }
    }
}
