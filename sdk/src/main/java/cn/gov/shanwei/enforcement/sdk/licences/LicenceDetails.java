package cn.gov.shanwei.enforcement.sdk.licences;

import java.time.LocalDate;

/**
 * What the licence says, as far as the hub discloses it. Any component may be {@code null} when the
 * provider did not supply it; {@code validUntil} is {@code null} for licences without an end date.
 *
 * @param licenceName    licence name, for example 营业执照
 * @param catalogueCode  code of the licence type in the licence catalogue (证照目录)
 * @param holderName     name of the holder (持证主体)
 * @param holderIdMasked holder's identifier, masked by the hub, for example {@code 9144************3F}
 * @param issuerName     issuing authority (颁证单位)
 * @param validFrom      first day of validity
 * @param validUntil     last day of validity
 */
public record LicenceDetails(String licenceName, String catalogueCode, String holderName, String holderIdMasked,
                             String issuerName, LocalDate validFrom, LocalDate validUntil) {
}
