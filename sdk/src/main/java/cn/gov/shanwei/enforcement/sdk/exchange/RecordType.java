package cn.gov.shanwei.enforcement.sdk.exchange;

/** Kinds of enforcement record the big-data centre takes (粤司函〔2021〕467号 data standard). */
public enum RecordType {
    /** 行政处罚 */
    PENALTY,
    /** 行政强制 */
    COERCION,
    /** 行政检查 */
    INSPECTION
}
