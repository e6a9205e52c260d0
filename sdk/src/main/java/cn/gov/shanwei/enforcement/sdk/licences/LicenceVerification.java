package cn.gov.shanwei.enforcement.sdk.licences;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a licence. An unknown licence is a result with status
 * {@link LicenceStatus#NOT_FOUND} and no details, not an exception.
 *
 * @param licenceId the licence identifier the hub checked
 * @param status    the licence's state
 * @param details   what the licence says; empty when the licence was not found
 * @param checkedAt when the hub checked it
 */
public record LicenceVerification(String licenceId, LicenceStatus status, Optional<LicenceDetails> details,
                                  Instant checkedAt) {

    /** Validates required components; a {@code null} details is taken as empty. */
    public LicenceVerification {
        Objects.requireNonNull(licenceId, "licenceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        details = details == null ? Optional.empty() : details;
    }

    /** Whether the licence is in force ({@link LicenceStatus#VALID}). */
    public boolean isValid() {
        return status == LicenceStatus.VALID;
    }
}
