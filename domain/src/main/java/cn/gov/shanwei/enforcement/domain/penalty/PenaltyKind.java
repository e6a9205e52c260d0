package cn.gov.shanwei.enforcement.domain.penalty;

/** What a penalty decision decides (行政处罚法 art. 9 and 57). New kinds are added at the end only. */
public enum PenaltyKind {
    /** 警告. */
    WARNING,
    /** 罚款. */
    FINE,
    /** 不予行政处罚 (art. 57(1)(2)–(3)). */
    NO_PENALTY,
    /** 移送司法机关 or another authority (art. 57(1)(4)). */
    TRANSFER,
    /** 通报批评 (art. 9(1)). */
    CRITICISM,
    /** 没收违法所得、没收非法财物 (art. 9(2)); its amount is the value confiscated. */
    CONFISCATION,
    /** 暂扣许可证件 (art. 9(3)). */
    LICENCE_SUSPENSION,
    /** 降低资质等级 (art. 9(3)). */
    QUALIFICATION_DOWNGRADE,
    /** 吊销许可证件 (art. 9(3)). */
    LICENCE_REVOCATION,
    /** 限制开展生产经营活动 (art. 9(4)). */
    BUSINESS_RESTRICTION,
    /** 责令停产停业 (art. 9(4)). */
    SUSPENSION_OF_BUSINESS,
    /** 责令关闭 (art. 9(4)). */
    CLOSURE,
    /** 限制从业 (art. 9(4)). */
    EMPLOYMENT_RESTRICTION;

    /** Whether this kind is a penalty (art. 9) rather than a decision not to penalise or to transfer. */
    public boolean isPenalty() {
        return this != NO_PENALTY && this != TRANSFER;
    }

    /** Whether a decision of this kind names an amount in fen (a fine, or the value confiscated). */
    public boolean hasAmount() {
        return this == FINE || this == CONFISCATION;
    }
}
