package cn.gov.shanwei.enforcement.adapters.licence;

import java.time.Instant;
import java.util.Objects;

/**
 * A per-use auth code (用证码) for one licence, bound to the purpose it was obtained for. Pass it to
 * {@link ElicenceClient#fetchFaceData}, {@link ElicenceClient#fetchFile} and {@link ElicenceClient#recordUsage};
 * they send the same purpose with it.
 *
 * @param purpose   the licence and the purpose (matter code, case number, officer) it was obtained for
 * @param code      the provider's code
 * @param expiresAt when the provider stops honouring it
 */
public record UsageCode(LicenceUse purpose, String code, Instant expiresAt) {

    public UsageCode {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The licence the code is for. */
    public String licenceId() {
        return purpose.licenceId();
    }
}
