package cn.gov.shanwei.enforcement.sdk.seals;

import cn.gov.shanwei.enforcement.sdk.RequestOptions;

/**
 * Electronic seal (电子印章) operations of the hub. Obtain it from {@code EnforcementHubClient.seals()};
 * implementations are thread-safe. An interface so that your tests can mock or fake it.
 */
public interface SealsClient {

    /**
     * Asks the hub to have an SM3 digest signed with a seal by the provincial seal service:
     * {@code POST /api/v1/seals/signatures}. The hub accepts the request durably and answers at once (usually
     * {@link SignatureState#PENDING}); poll {@link #signature(String)}. The SDK sends an idempotency key, reused
     * across its retries, so a retried call never makes a second request; the hub never signs twice either.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.HubException (a subclass) when the call fails
     */
    default SignatureRequest requestSignature(SignDigestRequest request) {
        return requestSignature(request, RequestOptions.none());
    }

    /**
     * As {@link #requestSignature(SignDigestRequest)}, with per-call options: pass your own business key as the
     * idempotency key to make the request once per business event, even across restarts of your system.
     */
    SignatureRequest requestSignature(SignDigestRequest request, RequestOptions options);

    /** A signature request of this client: {@code GET /api/v1/seals/signatures/{requestId}}. */
    SignatureRequest signature(String requestId);

    /**
     * Verifies the seals of an OFD document in the hub (locally, no provincial call):
     * {@code POST /api/v1/seals/verifications}. The result lists every check of every signature.
     */
    SealVerification verify(VerifySealRequest request);
}
