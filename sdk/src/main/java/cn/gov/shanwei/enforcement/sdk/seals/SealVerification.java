package cn.gov.shanwei.enforcement.sdk.seals;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hub's verification of a sealed document: every signature (签章) with every check, never a bare boolean.
 *
 * @param valid      at least one signature and no check of any signature failed
 * @param problem    why the document could not be examined at all
 * @param signatures one report per signature
 */
public record SealVerification(boolean valid, Optional<String> problem, List<Signature> signatures) {

    public SealVerification {
        Objects.requireNonNull(problem, "problem");
        signatures = List.copyOf(signatures);
    }

    /**
     * One signature.
     *
     * @param esId     the seal's identifier (印章编码)
     * @param sealName 印章名称
     * @param signer   the signer certificate's subject
     * @param signedAt the signing time, if readable
     * @param valid    no check failed
     * @param checks   every check in order
     */
    public record Signature(String signatureId, String esId, String sealName, String signer,
                            Optional<Instant> signedAt, boolean valid, List<Check> checks) {
        public Signature {
            checks = List.copyOf(checks);
        }

        /** The outcome of the check named {@code name} (e.g. {@code TRUST}), if it ran. */
        public Optional<Check> check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /**
     * One check: {@code PARSE, DOCUMENT_DIGEST, SIGNATURE, SEAL_SIGNATURE, SEAL_VALIDITY, SIGNER_IN_SEAL_CERT_LIST,
     * TRUST, TIMESTAMP, SEAL_ENTITY} (names the hub may extend).
     */
    public record Check(String name, CheckStatus status, String detail) {
    }

    /**
     * A check's outcome: {@code INDETERMINATE} when it could not be established (a revocation source down, say),
     * {@code NOT_PRESENT} when what it checks is absent (a signature without a timestamp).
     */
    public enum CheckStatus { PASSED, FAILED, SKIPPED, INDETERMINATE, NOT_PRESENT }
}
