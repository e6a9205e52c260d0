package cn.gov.shanwei.enforcement.sdk.registries;

/** 人口库's answer, and nothing more (data minimisation). */
public enum PersonMatch {
    /** The id number exists and the name matches. */
    MATCH,
    /** The id number exists but belongs to another name. */
    MISMATCH,
    /** No such id number. */
    NOT_FOUND
}
