package cn.gov.shanwei.enforcement.sdk.supervision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An officer of the jurisdiction as supervision sees them (执法队伍).
 *
 * @param officer               the officer's id
 * @param name                  the name
 * @param subject               the enforcement subject they act for
 * @param certificateNumber     the enforcement certificate number (执法证号)
 * @param validTo               the certificate's last day
 * @param status                the certificate's status
 * @param daysLeft              days until the certificate ends (negative once ended)
 * @param warning               {@code NONE}, {@code EXPIRING}, {@code EXPIRED} or {@code NOT_VALID}
 * @param openCases             open cases the officer acted in
 * @param legalQualified        whether a legal qualification (法律职业资格) is held on the day
 * @param legalQualification    the qualification on record, or {@code null}
 * @param trainingHours         training hours this year
 * @param trainingRequiredHours the hours required a year
 * @param trainingBelowRequired whether the hours are below the required
 */
public record OfficerStanding(String officer, String name, String subject, String certificateNumber,
                              LocalDate validTo, String status, long daysLeft, String warning, int openCases,
                              boolean legalQualified, LegalQualification legalQualification,
                              BigDecimal trainingHours, BigDecimal trainingRequiredHours,
                              boolean trainingBelowRequired) {

    /**
     * A legal qualification (法律职业资格) on record.
     *
     * @param officer           the officer
     * @param certificateNumber the qualification's certificate number
     * @param obtainedOn        when obtained
     * @param revokedOn         when revoked, or {@code null}
     * @param recordedBy        who recorded it
     * @param recordedAt        when
     */
    public record LegalQualification(String officer, String certificateNumber, LocalDate obtainedOn,
                                     LocalDate revokedOn, String recordedBy, Instant recordedAt) {
    }
}
