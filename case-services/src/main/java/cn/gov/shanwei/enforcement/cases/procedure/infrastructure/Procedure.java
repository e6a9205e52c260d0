package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

/** The procedures kept in the shared procedure tables (ADR 0506). */
public enum Procedure {
    /** 行政强制措施 (查封、扣押、冻结). */
    COERCIVE_MEASURE,
    /** 行政检查. */
    INSPECTION
}
