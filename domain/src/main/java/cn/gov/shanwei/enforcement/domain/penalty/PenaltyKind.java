package cn.gov.shanwei.enforcement.domain.penalty;

/** What a penalty decision decides (行政处罚法 art. 9 and 57). */
public enum PenaltyKind {
    /** 警告. */
    WARNING,
    /** 罚款. */
    FINE,
    /** 不予行政处罚 (art. 57(1)(2)–(3)). */
    NO_PENALTY,
    /** 移送司法机关 or another authority (art. 57(1)(4)). */
    TRANSFER
}
