package cn.gov.shanwei.enforcement.sdk.cases;

/** The kind of penalty intended or decided (行政处罚法 art. 9), or none. */
public enum PenaltyKind {
    /** 警告. */
    WARNING,
    /** 罚款: the amount goes in {@code fineFen}. */
    FINE,
    /** 不予行政处罚. */
    NO_PENALTY,
    /** 移送 to another authority. */
    TRANSFER,
    /** 通报批评. */
    CRITICISM,
    /** 没收违法所得、没收非法财物: the value confiscated goes in {@code fineFen}. */
    CONFISCATION,
    /** 暂扣许可证件. */
    LICENCE_SUSPENSION,
    /** 降低资质等级. */
    QUALIFICATION_DOWNGRADE,
    /** 吊销许可证件. */
    LICENCE_REVOCATION,
    /** 限制开展生产经营活动. */
    BUSINESS_RESTRICTION,
    /** 责令停产停业. */
    SUSPENSION_OF_BUSINESS,
    /** 责令关闭. */
    CLOSURE,
    /** 限制从业. */
    EMPLOYMENT_RESTRICTION
}
