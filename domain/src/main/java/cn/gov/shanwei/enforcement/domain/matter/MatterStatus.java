package cn.gov.shanwei.enforcement.domain.matter;

/** Whether a matter version may be used for new cases. */
public enum MatterStatus {
    /** In force. */
    ACTIVE,
    /** 暂停: temporarily not to be used. */
    SUSPENDED,
    /** 取消: no longer a power. */
    CANCELLED
}
