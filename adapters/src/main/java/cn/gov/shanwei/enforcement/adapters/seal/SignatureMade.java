package cn.gov.shanwei.enforcement.adapters.seal;

import java.time.Instant;
import java.util.Objects;

/**
 * A signature the seal service made, as its lookup by business key returns it ({@link SealClient#findSignature}).
 *
 * @param signatureId  the provider's id of the signature
 * @param sealId       the seal used
 * @param businessKey  our business key sent with the signing request
 * @param signedAt     when the provider signed (may be null if it does not say)
 * @param sesSignature the DER GB/T 38540 {@code SES_Signature}
 */
public record SignatureMade(String signatureId, String sealId, String businessKey, Instant signedAt,
                            byte[] sesSignature) {

    public SignatureMade {
        Objects.requireNonNull(signatureId, "signatureId");
        Objects.requireNonNull(sealId, "sealId");
        Objects.requireNonNull(businessKey, "businessKey");
        sesSignature = Objects.requireNonNull(sesSignature, "sesSignature").clone();
    }

    @Override
    public byte[] sesSignature() {
        return sesSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureMade other && signatureId.equals(other.signatureId);
    }

    @Override
    public int hashCode() {
        return signatureId.hashCode();
    }

    @Override
    public String toString() {
        return "SignatureMade[" + signatureId + ", seal=" + sealId + ", key=" + businessKey + "]";
    }
}
