package cn.gov.shanwei.enforcement.sdk.seals;

/** Where a signature request stands. */
public enum SignatureState {
    /** Accepted by the hub, waiting for the seal service (which may be down: the hub keeps trying). */
    PENDING,
    /** Signed: the {@code SES_Signature} is available. */
    SIGNED,
    /** The seal service refused it (for example an expired seal); not retried. */
    REFUSED
}
