package cn.gov.shanwei.enforcement.domain.baselib;

/** Registration status (登记状态) of an organisation in 法人库. */
public enum OrganisationStatus {
    /** 存续 / 在业 */
    ACTIVE,
    /** 经营异常 */
    ABNORMAL,
    /** 吊销 */
    REVOKED,
    /** 注销 */
    CANCELLED
}
