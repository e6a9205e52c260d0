package cn.gov.shanwei.enforcement.domain.coercion;

/** The coercive measures this aggregate models (行政强制法 art. 9(2)–(3)). */
public enum CoercionKind {
    /** 查封 of premises, facilities or property. */
    SEAL_UP,
    /** 扣押 of property. */
    SEIZURE,
    /** 冻结 of deposits or remittances. */
    FREEZE
}
