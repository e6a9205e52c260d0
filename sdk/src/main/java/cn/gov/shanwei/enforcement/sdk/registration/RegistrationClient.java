package cn.gov.shanwei.enforcement.sdk.registration;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * What the hub's client registry holds about this calling system. Obtain it from
 * {@code EnforcementHubClient.registration()}; implementations are thread-safe. An interface so that your
 * tests can mock or fake it.
 *
 * <p>The call is signed like every other, so a successful answer also proves that the endpoint, the
 * credentials and the clock are right: the Spring Boot starter's health indicator uses it.
 */
public interface RegistrationClient {

    /**
     * This client's registration: {@code GET /api/v1/clients/me}.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.HubException (a subclass) when the call fails, for
     *         example {@code AuthenticationException} for a wrong secret or a clock more than five minutes off
     */
    default ClientRegistration get() {
        return get(RequestOptions.none());
    }

    /**
     * This client's registration, with per-call options (request id).
     *
     * @see #get()
     */
    ClientRegistration get(RequestOptions options);
}
