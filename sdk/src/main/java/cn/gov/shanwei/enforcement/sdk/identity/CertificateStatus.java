package cn.gov.shanwei.enforcement.sdk.identity;

/** Status of an enforcement certificate (执法证状态) in the enforcement workforce library. */
public enum CertificateStatus {
    /** 有效. */
    VALID,
    /** 暂扣. */
    SUSPENDED,
    /** 注销 / 吊销. */
    REVOKED
}
