package cn.gov.shanwei.enforcement.sdk.licences;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * Electronic licence (电子证照) operations of the hub. Obtain it from
 * {@code EnforcementHubClient.licences()}; implementations are thread-safe. An interface so that your
 * tests can mock or fake it.
 */
public interface LicencesClient {

    /**
     * Verifies a licence: {@code POST /api/v1/licences/verifications}.
     *
     * @return the result; an unknown licence is a result with status {@link LicenceStatus#NOT_FOUND}
     * @throws cn.gov.shanwei.enforcement.sdk.errors.HubException (a subclass) when the call fails, for
     *         example {@code ValidationException}, {@code AccessDeniedException},
     *         {@code ProviderUnavailableException} or {@code HubTimeoutException}
     */
    default LicenceVerification verify(VerifyLicenceRequest request) {
        return verify(request, RequestOptions.none());
    }

    /**
     * Verifies a licence with per-call options (idempotency key, request id).
     *
     * @see #verify(VerifyLicenceRequest)
     */
    LicenceVerification verify(VerifyLicenceRequest request, RequestOptions options);
}
