package cn.gov.shanwei.enforcement.domain.licence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying a licence (电子证照核验). An unknown licence is an outcome, not an error: an officer
 * checking a presented licence must learn that it does not exist.
 */
public final class LicenceVerification {

    private final LicenceId licenceId;
    private final LicenceStatus status;
    private final LicenceDetails details;
    private final Instant checkedAt;

    private LicenceVerification(LicenceId licenceId, LicenceStatus status, LicenceDetails details, Instant checkedAt) {
        this.licenceId = Objects.requireNonNull(licenceId, "licenceId");
        this.status = Objects.requireNonNull(status, "status");
        this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
        if ((status == LicenceStatus.NOT_FOUND) != (details == null)) {
            throw new IllegalArgumentException("details are present exactly when the licence exists");
        }
        this.details = details;
    }

    public static LicenceVerification found(LicenceId id, LicenceStatus status, LicenceDetails details,
                                            Instant checkedAt) {
        if (status == LicenceStatus.NOT_FOUND) {
            throw new IllegalArgumentException("a found licence cannot have status NOT_FOUND");
        }
        return new LicenceVerification(id, status, Objects.requireNonNull(details, "details"), checkedAt);
    }

    public static LicenceVerification notFound(LicenceId id, Instant checkedAt) {
        return new LicenceVerification(id, LicenceStatus.NOT_FOUND, null, checkedAt);
    }

    public LicenceId licenceId() {
        return licenceId;
    }

    public LicenceStatus status() {
        return status;
    }

    /** Present unless the status is {@link LicenceStatus#NOT_FOUND}. */
    public Optional<LicenceDetails> details() {
        return Optional.ofNullable(details);
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    /** True only when the licence exists and may be relied upon today. */
    public boolean isValid() {
        return status == LicenceStatus.VALID;
    }

    @Override
    public String toString() {
        return "LicenceVerification[" + licenceId + " " + status + " at " + checkedAt + "]";
    }
}
