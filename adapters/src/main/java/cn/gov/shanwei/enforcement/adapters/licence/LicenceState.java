package cn.gov.shanwei.enforcement.adapters.licence;

/** The licence's state as the provincial licence service reports it (its {@code resultCode}). */
public enum LicenceState {
    /** 有效: issued, within its validity period, not withdrawn. */
    VALID,
    /** 已过期: past its validity period. */
    EXPIRED,
    /** 已注销 / 已吊销: withdrawn by the issuer. */
    REVOKED,
    /** 不存在: the provider knows no licence with this identifier. A normal answer, not a failure. */
    NOT_FOUND
}
