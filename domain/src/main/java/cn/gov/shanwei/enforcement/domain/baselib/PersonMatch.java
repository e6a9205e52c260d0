package cn.gov.shanwei.enforcement.domain.baselib;

/**
 * 人口库's answer to "is this id number this person's": nothing more is asked for or kept (data minimisation).
 */
public enum PersonMatch {
    /** The id number exists and the name matches. */
    MATCH,
    /** The id number exists but belongs to another name. */
    MISMATCH,
    /** No such id number. */
    NOT_FOUND
}
