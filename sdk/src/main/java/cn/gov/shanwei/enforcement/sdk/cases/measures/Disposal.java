package cn.gov.shanwei.enforcement.sdk.cases.measures;

/** How the property under a measure is dealt with by a decision (处理决定, 行政强制法 art. 27). */
public enum Disposal {
    /** 没收 of illegal property by a penalty decision. */
    CONFISCATED,
    /** 销毁 where a law or regulation requires destruction. */
    DESTROYED,
    /** 划拨 of frozen funds after a decision. */
    TRANSFERRED
}
