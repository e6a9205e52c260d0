package cn.gov.shanwei.enforcement.supervision.indicator;

/** The levels at which indicators are reported, from the whole city down to one subject. */
public enum ScopeLevel {
    /** The city (汕尾市): every subject. */
    CITY,
    /** A county-level group (区县, or 市直 for the city's own subjects). */
    COUNTY,
    /** One enforcement subject (执法主体). */
    SUBJECT
}
