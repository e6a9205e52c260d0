package cn.gov.shanwei.enforcement.adapters.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A staff user's record in the enforcement workforce library (执法人员库), as the staff directory returns it.
 *
 * @param staffUserId       the unified-identity user id it was looked up by
 * @param officerId         the officer's id in the library (执法人员编号), e.g. {@code 44150001}
 * @param name              the officer's name
 * @param certificateNumber the enforcement certificate number (执法证号)
 * @param subjectId         the enforcement subject (执法主体) the officer acts for
 * @param subjectName       its name
 * @param validFrom         first day the certificate is valid
 * @param validTo           last day the certificate is valid
 * @param status            the certificate's status
 */
public record OfficerRecord(String staffUserId, String officerId, String name, String certificateNumber,
                            String subjectId, String subjectName, LocalDate validFrom, LocalDate validTo,
                            CertificateState status) {

    public OfficerRecord {
        Objects.requireNonNull(staffUserId, "staffUserId");
        Objects.requireNonNull(officerId, "officerId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(certificateNumber, "certificateNumber");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(status, "status");
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo is before validFrom");
        }
    }

    /** Whether the certificate lets the officer act on {@code day}: status VALID and the day within validity. */
    public boolean mayActOn(LocalDate day) {
        return status == CertificateState.VALID && !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Status of an enforcement certificate (执法证状态) in the library. */
    public enum CertificateState {
        /** 有效. */
        VALID,
        /** 暂扣. */
        SUSPENDED,
        /** 注销 / 吊销. */
        REVOKED
    }
}
