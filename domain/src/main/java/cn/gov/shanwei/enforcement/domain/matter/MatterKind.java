package cn.gov.shanwei.enforcement.domain.matter;

/** The kind of an enforcement matter. */
public enum MatterKind {
    /** 行政处罚. */
    PENALTY,
    /** 行政强制. */
    COERCION,
    /** 行政检查. */
    INSPECTION
}
