package cn.gov.shanwei.enforcement.adapters.exchange;

import cn.gov.shanwei.enforcement.adapters.identity.OfficerRecord;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An enforcement certificate (行政执法证) as 执法人员库 records it, looked up by its number — e.g. to check an
 * officer of another department in a joint inspection. (A signed-in staff user is looked up by user id through
 * {@code adapters.identity.StaffDirectory} instead.)
 *
 * @param certificateNumber 执法证号
 * @param name              the holder's name
 * @param subjectName       the enforcement subject (执法主体) the holder acts for
 * @param validFrom         first day of validity
 * @param validTo           last day of validity
 * @param status            the certificate's status
 */
public record OfficerCertificate(String certificateNumber, String name, String subjectName, LocalDate validFrom,
                                 LocalDate validTo, OfficerRecord.CertificateState status) {

    public OfficerCertificate {
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(status, "status");
    }

    /** Whether the certificate lets its holder act on {@code day}: VALID and within validity. */
    public boolean mayActOn(LocalDate day) {
        return status == OfficerRecord.CertificateState.VALID && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
