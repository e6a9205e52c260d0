package cn.gov.shanwei.enforcement.supervision.monitoring;

/** What a supervision alert (预警) is about. */
public enum AlertKind {
    /** A running statutory deadline is within the due-soon window (临期). */
    DEADLINE_DUE_SOON(Severity.WARNING),
    /** A running statutory deadline has passed (超期). */
    DEADLINE_OVERDUE(Severity.SEVERE),
    /** The fine decided lies outside the matter's discretion band (超出裁量基准). */
    FINE_OUTSIDE_BAND(Severity.SEVERE),
    /** The decision was published, or is still unpublished, later than 7 working days after it (公示超期). */
    LATE_PUBLICATION(Severity.WARNING),
    /** The case was closed with the fine unpaid and no court enforcement applied for (结案未缴未执行). */
    CLOSED_WITHOUT_PAYMENT(Severity.SEVERE),
    /** The same party appears in repeated cases within the window (同一当事人多次被处罚). */
    REPEATED_PARTY(Severity.INFO),
    /** An officer acting in open cases has a certificate expiring soon or no longer valid (执法证到期). */
    CERTIFICATE_EXPIRING(Severity.WARNING),
    /**
     * A penalty's approving legal review (法制审核) was done by someone with no legal qualification (法律职业资格) on
     * record for that day, or by someone the record does not identify (行政处罚法 art. 58).
     */
    UNQUALIFIED_LEGAL_REVIEW(Severity.SEVERE),
    /** A coercive measure's term (30 days plus any extension, 行政强制法 art. 25) ends within the due-soon window. */
    COERCIVE_MEASURE_DUE_SOON(Severity.WARNING),
    /** A coercive measure is still in force after its term (强制措施超期). */
    COERCIVE_MEASURE_OVERDUE(Severity.SEVERE);

    private final Severity severity;

    AlertKind(Severity severity) {
        this.severity = severity;
    }

    /** How urgent alerts of this kind are. */
    public Severity severity() {
        return severity;
    }

    /** How urgent an alert is. */
    public enum Severity { INFO, WARNING, SEVERE }
}
