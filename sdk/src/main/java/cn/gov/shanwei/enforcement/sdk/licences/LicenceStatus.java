package cn.gov.shanwei.enforcement.sdk.licences;

/** The state of an electronic licence (电子证照) as the provincial licence service reports it. */
public enum LicenceStatus {
    /** The licence exists and is in force. */
    VALID,
    /** The licence exists but its validity period has ended. */
    EXPIRED,
    /** The licence exists but was revoked (吊销/注销). */
    REVOKED,
    /** No licence with this identifier is known. A result, not an error. */
    NOT_FOUND
}
