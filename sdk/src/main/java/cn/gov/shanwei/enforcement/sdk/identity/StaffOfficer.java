package cn.gov.shanwei.enforcement.sdk.identity;

import java.time.LocalDate;

/**
 * An officer in the enforcement workforce library (执法人员库).
 *
 * @param staffUserId       the unified-identity user id looked up
 * @param officerId         the officer's id in the library (执法人员编号)
 * @param name              the officer's name
 * @param certificateNumber the enforcement certificate number (执法证号)
 * @param subjectId         the enforcement subject (执法主体) the officer acts for
 * @param subjectName       its name
 * @param validFrom         first day of the certificate
 * @param validTo           last day of the certificate
 * @param certificateStatus the certificate's status
 * @param mayActToday       whether the certificate is valid and in force on today's date in Shanwei
 */
public record StaffOfficer(String staffUserId, String officerId, String name, String certificateNumber,
                           String subjectId, String subjectName, LocalDate validFrom, LocalDate validTo,
                           CertificateStatus certificateStatus, boolean mayActToday) {
}
