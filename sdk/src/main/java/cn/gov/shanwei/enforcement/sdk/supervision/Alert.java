package cn.gov.shanwei.enforcement.sdk.supervision;

import java.time.LocalDate;

/**
 * A supervision alert (预警) on a watched case.
 *
 * @param id         the alert's id
 * @param kind       what is wrong, e.g. {@code DEADLINE_OVERDUE}
 * @param severity   how bad, e.g. {@code SEVERE}
 * @param caseNumber the case
 * @param subject    the enforcement subject handling it
 * @param message    the explanation
 * @param rule       the rule broken, when one is
 * @param article    its legal basis
 * @param raisedOn   the day it was raised
 */
public record Alert(String id, String kind, String severity, String caseNumber, String subject, String message,
                    String rule, String article, LocalDate raisedOn) {
}
