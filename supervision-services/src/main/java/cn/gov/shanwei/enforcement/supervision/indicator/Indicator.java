package cn.gov.shanwei.enforcement.supervision.indicator;

/**
 * A quantified indicator: one measure divided by another. Rates lie in [0, 1]; averages do not. The formula of
 * each is written once here and in {@code docs/indicators.md} (a test keeps the two in step).
 */
public enum Indicator {
    /** 结案率. */
    CLOSURE_RATE("结案率", Measure.FILED_CLOSED, Measure.FILED, true),
    /** 超期率. */
    OVERDUE_RATE("超期率", Measure.FILED_OPEN_OVERDUE, Measure.FILED_OPEN, true),
    /** 法制审核率 (where required). */
    LEGAL_REVIEW_RATE("法制审核率", Measure.REVIEW_DONE, Measure.REVIEW_REQUIRED, true),
    /** 公示及时率 (≤ 7 working days). */
    PUBLICATION_TIMELINESS("公示及时率", Measure.PUBLISHED_IN_TIME, Measure.PUBLICATION_DUE, true),
    /** 罚款缴清率 (by decisions). */
    PAYMENT_RATE("罚款缴清率", Measure.FINES_PAID, Measure.FINES_DECIDED, true),
    /** 罚没款到账率 (by amount). */
    AMOUNT_PAID_RATE("罚款到账率", Measure.PAID_FEN, Measure.FINE_FEN, true),
    /** 平均办案天数. */
    AVERAGE_HANDLING_DAYS("平均办案天数", Measure.HANDLING_DAYS, Measure.HANDLED, false),
    /** 案卷评查平均分. */
    AVERAGE_REVIEW_SCORE("评查平均分", Measure.REVIEW_POINTS, Measure.REVIEWS_SCORED, false),
    /** 检查覆盖率 (of the 检查对象名录库). */
    INSPECTION_COVERAGE("检查覆盖率", Measure.OBJECTS_INSPECTED, Measure.CATALOGUE_OBJECTS, true);

    private final String label;
    private final Measure numerator;
    private final Measure denominator;
    private final boolean rate;

    Indicator(String label, Measure numerator, Measure denominator, boolean rate) {
        this.label = label;
        this.numerator = numerator;
        this.denominator = denominator;
        this.rate = rate;
    }

    /** The indicator's name in the statistics (Chinese). */
    public String label() {
        return label;
    }

    /** What is counted above the line. */
    public Measure numerator() {
        return numerator;
    }

    /** What is counted below the line. */
    public Measure denominator() {
        return denominator;
    }

    /** Whether the value is a share in [0, 1] (otherwise an average). */
    public boolean isRate() {
        return rate;
    }

    /** The formula, e.g. {@code FILED_CLOSED / FILED}. */
    public String formula() {
        return numerator + " / " + denominator;
    }

    /** The value for {@code counts}, or {@code null} when the denominator is 0 (nothing to measure). */
    public Double valueOf(IndicatorCounts counts) {
        long below = counts.get(denominator);
        return below == 0 ? null : (double) counts.get(numerator) / below;
    }
}
