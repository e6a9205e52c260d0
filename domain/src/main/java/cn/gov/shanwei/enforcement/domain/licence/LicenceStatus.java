package cn.gov.shanwei.enforcement.domain.licence;

/** What the licence provider says of a licence at the time of the check. */
public enum LicenceStatus {
    /** 有效: issued, in its validity period, not revoked. */
    VALID,
    /** 已过期: past its validity period. */
    EXPIRED,
    /** 已注销 / 已吊销: withdrawn by the issuer. */
    REVOKED,
    /** 不存在: the provider knows no licence with this identifier. */
    NOT_FOUND
}
