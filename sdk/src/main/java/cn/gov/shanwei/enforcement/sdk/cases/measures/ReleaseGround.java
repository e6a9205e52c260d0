package cn.gov.shanwei.enforcement.sdk.cases.measures;

/** Why a measure is released (解除, 行政强制法 art. 28 and 33; art. 19 for an urgent measure not approved). */
public enum ReleaseGround {
    /** 当事人没有违法行为. */
    NO_VIOLATION,
    /** 与违法行为无关. */
    UNRELATED_TO_VIOLATION,
    /** 已经作出处理决定，不再需要查封、扣押、冻结. */
    DECIDED_NO_LONGER_NEEDED,
    /** 期限已经届满. */
    TERM_EXPIRED,
    /** 其他不再需要采取措施的情形. */
    NO_LONGER_NEEDED,
    /** 紧急情况下实施后，负责人认为不应当采取 (art. 19): use the urgent refusal step instead. */
    NOT_APPROVED
}
