package cn.gov.shanwei.enforcement.sdk.supervision;

/** The level of an indicator row's scope. */
public enum ScopeLevel {
    /** The city (汕尾市): every subject. */
    CITY,
    /** A county-level group (区县, or 市直 for the city's own subjects). */
    COUNTY,
    /** One enforcement subject (执法主体). */
    SUBJECT
}
