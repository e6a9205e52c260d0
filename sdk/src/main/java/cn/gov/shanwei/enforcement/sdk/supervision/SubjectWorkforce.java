package cn.gov.shanwei.enforcement.sdk.supervision;

import java.math.BigDecimal;

/**
 * An enforcement subject's workforce figures.
 *
 * @param subject          the subject's id
 * @param name             its name
 * @param officers         officers registered
 * @param certified        officers with a certificate in force
 * @param expiring         certificates ending soon
 * @param openCases        open cases
 * @param openPerCertified open cases per certified officer, or {@code null} without certified officers
 */
public record SubjectWorkforce(String subject, String name, int officers, int certified, int expiring, int openCases,
                               BigDecimal openPerCertified) {
}
