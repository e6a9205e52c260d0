package cn.gov.shanwei.enforcement.supervision.monitoring;

import cn.gov.shanwei.enforcement.domain.penalty.CaseNumber;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A supervision alert (预警).
 *
 * @param id         stable for the same finding (kind, case and what was found), so it is pushed once
 * @param kind       what it is about
 * @param caseNumber the case it is about
 * @param subject    the subject handling the case
 * @param message    what was found, in a supervisor's words
 * @param rule       the rule broken or at risk (a deadline policy, the discretion band, …)
 * @param article    the legal source
 * @param raisedOn   the day it was found
 */
public record Alert(String id, AlertKind kind, CaseNumber caseNumber, SubjectId subject, String message,
                    String rule, String article, LocalDate raisedOn) {
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(raisedOn, "raisedOn");
    }

    /** How urgent it is. */
    public AlertKind.Severity severity() {
        return kind.severity();
    }
}
