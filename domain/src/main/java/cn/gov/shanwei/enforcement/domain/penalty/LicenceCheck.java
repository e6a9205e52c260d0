package cn.gov.shanwei.enforcement.domain.penalty;

import java.time.Instant;
import java.util.Objects;

/**
 * The party's licence named at filing, as the licence service (电子证照) verified it; its use is reported back as a
 * usage record (用证记录).
 *
 * @param licenceId the licence identifier
 * @param status    VALID, EXPIRED or REVOKED (an unknown licence is never filed)
 * @param checkedAt when it was verified
 */
public record LicenceCheck(String licenceId, String status, Instant checkedAt) {

    public LicenceCheck {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
