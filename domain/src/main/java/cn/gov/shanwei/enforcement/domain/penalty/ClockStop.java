package cn.gov.shanwei.enforcement.domain.penalty;

/** Time that stops the filing or decision clock while the case goes on (unlike 中止, which halts the case). */
public enum ClockStop {
    /** 公告 (e.g. service by public announcement): excluded from the decision period. */
    ANNOUNCEMENT("公告 (announcement)"),
    /** 检测、检验、检疫、技术鉴定: excluded from the filing and decision periods. */
    TESTING("检测、检验、检疫、鉴定 (testing or appraisal)");

    private final String label;

    ClockStop(String label) {
        this.label = label;
    }

    /** In an officer's words. */
    public String label() {
        return label;
    }
}
