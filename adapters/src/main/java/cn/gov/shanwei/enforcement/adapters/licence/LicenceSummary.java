package cn.gov.shanwei.enforcement.adapters.licence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One licence in a holder's list.
 *
 * @param licenceId     证照标识
 * @param licenceName   证照名称
 * @param catalogueCode 证照目录编码
 * @param issuerName    颁证单位
 * @param state         VALID, EXPIRED or REVOKED (never NOT_FOUND)
 * @param validFrom     first day of validity
 * @param validUntil    last day of validity, or {@code null} for 长期有效
 */
public record LicenceSummary(String licenceId, String licenceName, String catalogueCode, String issuerName,
                             LicenceState state, LocalDate validFrom, LocalDate validUntil) {

    public LicenceSummary {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(licenceName, "licenceName");
        Objects.requireNonNull(catalogueCode, "catalogueCode");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(validFrom, "validFrom");
    }
}
