package cn.gov.shanwei.enforcement.sdk.cases.measures;

/** The coercive measure (行政强制法 art. 9). */
public enum CoercionKind {
    /** 查封 of premises, facilities or property. */
    SEAL_UP,
    /** 扣押 of property. */
    SEIZURE,
    /** 冻结 of deposits or remittances. */
    FREEZE
}
