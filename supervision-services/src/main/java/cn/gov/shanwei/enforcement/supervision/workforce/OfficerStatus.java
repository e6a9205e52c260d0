package cn.gov.shanwei.enforcement.supervision.workforce;

import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;

import java.time.LocalDate;

/**
 * One officer as workforce supervision (执法队伍管理) sees them.
 *
 * @param id                the officer
 * @param name              their name
 * @param subject           their subject
 * @param certificateNumber 执法证号
 * @param validTo           the certificate's last valid day
 * @param status            the certificate's status
 * @param daysLeft          natural days from the as-of day to {@code validTo} (negative once expired)
 * @param warning           what needs attention
 * @param openCases         open cases the officer acted in (workload)
 */
public record OfficerStatus(OfficerId id, String name, SubjectId subject, String certificateNumber,
                            LocalDate validTo, CertificateStatus status, long daysLeft, CertificateWarning warning,
                            int openCases) {

    /** What about a certificate needs attention. */
    public enum CertificateWarning {
        /** Valid beyond the warning window. */
        NONE,
        /** Valid, but ends within the warning window. */
        EXPIRING,
        /** Past its last valid day. */
        EXPIRED,
        /** Suspended, revoked or otherwise not valid. */
        NOT_VALID
    }
}
