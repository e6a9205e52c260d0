package cn.gov.shanwei.enforcement.domain.subject;

/** The three levels of enforcement subjects in Shanwei (市 / 县(市、区) / 镇街). */
public enum SubjectLevel {
    /** 地级市 (汕尾市). */
    CITY,
    /** 县(市、区) and the 管理区/开发区 units at that level. */
    COUNTY,
    /** 镇街 (towns and streets). */
    TOWN;

    /** Whether this level is above {@code other}. */
    public boolean isAbove(SubjectLevel other) {
        return ordinal() < other.ordinal();
    }
}
