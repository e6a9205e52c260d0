package cn.gov.shanwei.enforcement.adapters.seal;

import java.util.Objects;

/**
 * One check of a seal verification and its outcome.
 *
 * @param name   which check
 * @param status passed, failed, indeterminate (the answer could not be established: a CRL unreachable or out of
 *               date), not present (an optional element such as the timestamp is absent), or skipped (impossible
 *               after an earlier failure)
 * @param detail what was found, in words an operator understands
 */
public record SealCheck(Name name, Status status, String detail) {

    public SealCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** The checks of GB/T 38540 verification, in the order they run. */
    public enum Name {
        /** The OFD opens, carries a signature and its SES_Signature (v4) parses. */
        PARSE,
        /** The protected files still have the digests recorded in Signature.xml, and SM3(Signature.xml) is the signed dataHash. */
        DOCUMENT_DIGEST,
        /** The signer's SM3withSM2 signature over TBS_Sign. */
        SIGNATURE,
        /** The seal maker's (制章人) signature over the seal. */
        SEAL_SIGNATURE,
        /** The signing time lies within the seal's validity window. */
        SEAL_VALIDITY,
        /** The signer's certificate is in the seal's certificate list (or digest list). */
        SIGNER_IN_SEAL_CERT_LIST,
        /** The trust service builds the signer certificate's chain to a trusted root, valid at the signing time. */
        TRUST,
        /** The trust service finds no certificate of that chain revoked (CRL), with current revocation data. */
        REVOCATION,
        /**
         * The RFC 3161 timestamp token over the signature value (GB/T 38540 {@code timeStamp}), if present: imprint,
         * TSA signature, TSA certificate trusted, time within the seal's and the signer certificate's validity.
         */
        TIMESTAMP,
        /** The seal belongs to the expected unit (the collecting unit of a penalty decision). */
        SEAL_ENTITY
    }

    /**
     * Outcome of one check. Only PASSED, NOT_PRESENT and SKIPPED leave a signature valid; INDETERMINATE does not, as
     * an unknown revocation status is no proof of a good one.
     */
    public enum Status { PASSED, FAILED, INDETERMINATE, NOT_PRESENT, SKIPPED }

    static SealCheck passed(Name name, String detail) {
        return new SealCheck(name, Status.PASSED, detail);
    }

    static SealCheck failed(Name name, String detail) {
        return new SealCheck(name, Status.FAILED, detail);
    }

    static SealCheck indeterminate(Name name, String detail) {
        return new SealCheck(name, Status.INDETERMINATE, detail);
    }

    static SealCheck notPresent(Name name, String detail) {
        return new SealCheck(name, Status.NOT_PRESENT, detail);
    }

    static SealCheck skipped(Name name, String detail) {
        return new SealCheck(name, Status.SKIPPED, detail);
    }
}
