package cn.gov.shanwei.enforcement.domain.officer;

/** The status of an enforcement certificate in the 执法人员库. */
public enum CertificateStatus {
    /** 有效. */
    VALID,
    /** 暂扣: temporarily withdrawn. */
    SUSPENDED,
    /** 注销 / 吊销. */
    REVOKED
}
