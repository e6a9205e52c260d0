package cn.gov.shanwei.enforcement.adapters.seal;

import cn.gov.shanwei.enforcement.adapters.seal.SealCheck.Status;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a certificate (a seal signer's, or a timestamp authority's) is trusted at a time: its chain to an
 * accepted root and its validity, and separately its revocation status. Injected into {@link SealVerifier} so
 * deployments plug in the province's CA hierarchy and revocation data. {@link PkixTrustService} is the real one (PKIX
 * path building with Bouncy Castle, CRLs from distribution points or given); {@link AnchoredTrustService} a one-level
 * stand-in over given roots and revoked serials.
 */
@FunctionalInterface
public interface TrustService {

    /**
     * @param certificate the certificate to judge
     * @param at          the time it must have been good at (the signing time, or a timestamp's time)
     * @return the decision on chain and on revocation, with reasons
     */
    Decision check(X509Certificate certificate, Instant at);

    /**
     * One finding of a trust decision.
     *
     * @param status PASSED, FAILED, INDETERMINATE (the answer could not be established) or SKIPPED (not examined
     *               because of an earlier failure)
     * @param detail why, in words an operator understands
     */
    record Finding(Status status, String detail) {

        public Finding {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
            if (status == Status.NOT_PRESENT) {
                throw new IllegalArgumentException("a trust finding is never 'not present'");
            }
        }

        public static Finding passed(String detail) {
            return new Finding(Status.PASSED, detail);
        }

        public static Finding failed(String detail) {
            return new Finding(Status.FAILED, detail);
        }

        public static Finding indeterminate(String detail) {
            return new Finding(Status.INDETERMINATE, detail);
        }

        public static Finding skipped(String detail) {
            return new Finding(Status.SKIPPED, detail);
        }
    }

    /**
     * A trust decision.
     *
     * @param chain      the certificate chains to a trusted root and every certificate of it is valid at that time
     * @param revocation no certificate of the chain is revoked, established from current revocation data
     */
    record Decision(Finding chain, Finding revocation) {

        public Decision {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(revocation, "revocation");
        }

        /** A chain that fails; revocation is not examined. */
        public static Decision untrusted(String reason) {
            return new Decision(Finding.failed(reason), Finding.skipped("not examined: the chain failed"));
        }

        /** Whether both chain and revocation passed. */
        public boolean trusted() {
            return chain.status() == Status.PASSED && revocation.status() == Status.PASSED;
        }
    }
}
