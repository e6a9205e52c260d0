package cn.gov.shanwei.enforcement.sdk.seals;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A signature request as the hub reports it.
 *
 * @param requestId   the hub's id of the request (poll it with {@link SealsClient#signature(String)})
 * @param state       where it stands
 * @param sealId      the seal asked for
 * @param signatureId the seal service's id of the signature, once signed (if it said)
 * @param problem     the seal service's refusal, when refused
 * @param createdAt   when the hub accepted it
 * @param signedAt    when the hub received the signature
 */
public record SignatureRequest(String requestId, SignatureState state, String sealId, Optional<String> signatureId,
                               Optional<byte[]> sesSignature, Optional<String> problem, Instant createdAt,
                               Optional<Instant> signedAt) {

    public SignatureRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        sesSignature = sesSignature.map(byte[]::clone);
    }

    /** The GB/T 38540 {@code SES_Signature} (DER), once {@link SignatureState#SIGNED}; a copy. */
    @Override
    public Optional<byte[]> sesSignature() {
        return sesSignature.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureRequest r && requestId.equals(r.requestId) && state == r.state
                && Objects.equals(sealId, r.sealId) && signatureId.equals(r.signatureId)
                && Arrays.equals(sesSignature.orElse(null), r.sesSignature.orElse(null))
                && problem.equals(r.problem) && Objects.equals(createdAt, r.createdAt) && signedAt.equals(r.signedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, state, sealId);
    }

    @Override
    public String toString() {
        return "SignatureRequest[" + requestId + ", " + state + ", seal=" + sealId + "]";
    }
}
