package cn.gov.shanwei.enforcement.supervision.indicator;

/**
 * The additive counts behind every quantified indicator (量化监督指标). Each is summed over cases, so a county's
 * count is the sum of its subjects' and the city's the sum of its counties'. Definitions, once, in
 * {@code docs/indicators.md}; the month a case counts in is the month of the date named here.
 */
public enum Measure {
    /** Cases filed (立案; on-the-spot decisions on their decision day) in the month. */
    FILED("立案数"),
    /** Cases closed (结案) in the month. */
    CLOSED("结案数"),
    /** Cases filed in the month and closed by the as-of day. */
    FILED_CLOSED("当月立案已结案数"),
    /** Cases filed in the month still open on the as-of day. */
    FILED_OPEN("当月立案未结案数"),
    /** Cases filed in the month, still open, with a deadline passed on the as-of day. */
    FILED_OPEN_OVERDUE("当月立案超期未结数"),
    /** General-procedure decisions in the month for which legal review (法制审核) was required. */
    REVIEW_REQUIRED("应法制审核数"),
    /** Of those, decisions preceded by an approving legal review. */
    REVIEW_DONE("已法制审核数"),
    /** Publishable decisions of the month whose publication deadline has passed or that were published. */
    PUBLICATION_DUE("应公示数"),
    /** Of those, published within 7 working days of the decision. */
    PUBLISHED_IN_TIME("按时公示数"),
    /** Decisions of the month with a fine. */
    FINES_DECIDED("罚款决定数"),
    /** Of those, fines paid in full. */
    FINES_PAID("罚款缴清数"),
    /** Fines decided in the month, in fen. */
    FINE_FEN("罚款金额(分)"),
    /** Paid so far against the fines decided in the month, in fen. */
    PAID_FEN("已缴金额(分)"),
    /** Natural days from filing to closing, summed over cases closed in the month. */
    HANDLING_DAYS("办案天数合计"),
    /** Cases closed in the month with a filing day (the divisor of the average handling days). */
    HANDLED("计入办案天数的结案数"),
    /** Review points (案卷评查得分), summed over reviews scored in the month. */
    REVIEW_POINTS("评查得分合计"),
    /** Reviews scored in the month. */
    REVIEWS_SCORED("评查案卷数"),
    /** Inspections (行政检查) carried out in the month. */
    INSPECTIONS_DONE("检查次数"),
    /** Entries (object and inspection item) of the subject's 检查对象名录库 listed during the month. */
    CATALOGUE_OBJECTS("名录检查对象数"),
    /** Of those, entries whose object the subject inspected for that item in the month. */
    OBJECTS_INSPECTED("已检查名录对象数");

    private final String label;

    Measure(String label) {
        this.label = label;
    }

    /** The measure's name in the statistics (Chinese). */
    public String label() {
        return label;
    }
}
