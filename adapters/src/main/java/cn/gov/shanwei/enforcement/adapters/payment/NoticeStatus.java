package cn.gov.shanwei.enforcement.adapters.payment;

/** The fiscal system's state of a notice; that system's word is authoritative. */
public enum NoticeStatus {
    /** 未缴款 */
    UNPAID,
    /** 已缴款 (arrival confirmed) */
    PAID,
    /** 已作废 */
    CANCELLED
}
