package cn.gov.shanwei.enforcement.adapters.seal;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * Decides whether a signer certificate is trusted at a time: its chain to an accepted root, its validity and its
 * revocation status. Injected into {@link SealVerifier} so deployments plug in the province's CA, CRLs or OCSP;
 * {@link AnchoredTrustService} is a plain implementation over given root certificates and revoked serials.
 */
@FunctionalInterface
public interface TrustService {

    /**
     * @param signer the signer certificate
     * @param at     the signing time
     * @return the decision, with a reason
     */
    Decision check(X509Certificate signer, Instant at);

    /**
     * A trust decision.
     *
     * @param trusted whether the certificate is trusted at that time
     * @param reason  why, in words an operator understands
     */
    record Decision(boolean trusted, String reason) {

        public static Decision trusted(String reason) {
            return new Decision(true, reason);
        }

        public static Decision untrusted(String reason) {
            return new Decision(false, reason);
        }
    }
}
