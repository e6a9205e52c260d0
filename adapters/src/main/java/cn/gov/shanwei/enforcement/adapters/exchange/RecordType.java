package cn.gov.shanwei.enforcement.adapters.exchange;

/** Kinds of enforcement record the hub pushes (粤司函〔2021〕467号 data standard). */
public enum RecordType {
    /** 行政处罚 */
    PENALTY,
    /** 行政强制 */
    COERCION,
    /** 行政检查 */
    INSPECTION
}
