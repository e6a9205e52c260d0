package cn.gov.shanwei.enforcement.domain.penalty;

/** What happened to a decision after it was made (行政处罚法 art. 48(2)). */
public enum DecisionChange {
    /** 变更. */
    CHANGED,
    /** 撤销. */
    REVOKED,
    /** 确认违法. */
    CONFIRMED_UNLAWFUL,
    /** 确认无效. */
    CONFIRMED_INVALID;

    /** In an officer's words, e.g. "revoked". */
    public String describe() {
        return name().toLowerCase().replace('_', ' ');
    }
}
