package cn.gov.shanwei.enforcement.domain.licence;

import cn.gov.shanwei.enforcement.domain.call.CallContext;
import cn.gov.shanwei.enforcement.domain.call.ProviderUnavailableException;

/**
 * Port to the provincial electronic licence service (电子证照). The domain asks; an implementation in
 * {@code routes} reaches the province with timeouts, retry and a circuit breaker.
 */
public interface LicenceRegistry {

    /**
     * Verifies a licence with its issuer's authoritative record.
     *
     * @return the outcome, {@link LicenceStatus#NOT_FOUND} included
     * @throws ProviderUnavailableException when the provider cannot answer within the hub's time budget
     */
    LicenceVerification verify(LicenceId licenceId, CallContext context);
}
