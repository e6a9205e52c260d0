package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What a supervisor reads on the supervision platform, within the supervisor's jurisdiction. Every read takes the
 * day it is judged on ({@code asOf}); {@code null} or the overload without it means today in Shanwei. A case or
 * officer outside the jurisdiction is answered as absent (404, {@code NotFoundException}).
 */
public interface SupervisorClient {

    /** The open cases with their deadlines, most urgent first: {@code GET /api/v1/supervision/cases}. */
    List<SupervisedCase> openCases(LocalDate asOf);

    /** {@link #openCases(LocalDate)} today. */
    default List<SupervisedCase> openCases() {
        return openCases(null);
    }

    /**
     * One case's status and alerts: {@code GET /api/v1/supervision/cases/{caseNumber}}.
     *
     * @throws cn.gov.shanwei.enforcement.sdk.errors.NotFoundException when the case is not in the jurisdiction
     */
    CaseSupervision supervisedCase(String caseNumber, LocalDate asOf);

    /** {@link #supervisedCase(String, LocalDate)} today. */
    default CaseSupervision supervisedCase(String caseNumber) {
        return supervisedCase(caseNumber, null);
    }

    /** Every alert on the watched cases, most severe first: {@code GET /api/v1/supervision/alerts}. */
    List<Alert> alerts(LocalDate asOf);

    /** {@link #alerts(LocalDate)} today. */
    default List<Alert> alerts() {
        return alerts(null);
    }

    /** The quantified indicators (量化指标) per scope and month: {@code GET /api/v1/supervision/indicators}. */
    List<IndicatorRow> indicators(IndicatorQuery query);

    /**
     * The officers with certificate warnings, workload, legal qualification and training hours (执法队伍):
     * {@code GET /api/v1/supervision/workforce/officers}.
     */
    List<OfficerStanding> officers(LocalDate asOf);

    /** {@link #officers(LocalDate)} today. */
    default List<OfficerStanding> officers() {
        return officers(null);
    }

    /** Per enforcement subject: officers, certified, expiring, open cases: {@code …/workforce/subjects}. */
    List<SubjectWorkforce> subjects(LocalDate asOf);

    /** {@link #subjects(LocalDate)} today. */
    default List<SubjectWorkforce> subjects() {
        return subjects(null);
    }

    /** The coercive measures in force with their term (行政强制措施): {@code GET /api/v1/supervision/measures}. */
    List<CoerciveMeasure> measures(LocalDate asOf);

    /** {@link #measures(LocalDate)} today. */
    default List<CoerciveMeasure> measures() {
        return measures(null);
    }
}
