package cn.gov.shanwei.enforcement.sdk.cases;

/** What happened to a penalty decision after it was made (行政处罚法 art. 48(2)). */
public enum DecisionChange {
    /** 变更. */
    CHANGED,
    /** 撤销. */
    REVOKED,
    /** 确认违法. */
    CONFIRMED_UNLAWFUL,
    /** 确认无效. */
    CONFIRMED_INVALID
}
