package cn.gov.shanwei.enforcement.cases.admin.application;

import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Port: the provincial 执法人员库 (enforcement workforce library), read whole. The hub's implementation pages through
 * the identity service's staff directory; a failure to read it is an unchecked exception, and the sync then changes
 * nothing.
 */
@FunctionalInterface
public interface ProvincialStaffDirectory {

    /** Every officer record the library holds now. */
    List<Entry> officers();

    /**
     * One officer record.
     *
     * @param staffUserId       the unified-identity user id
     * @param officerId         执法人员编号
     * @param name              the officer's name
     * @param certificateNumber 执法证号
     * @param subjectId         the enforcement subject it acts for
     * @param validFrom         first day of the certificate's validity
     * @param validTo           last day
     * @param status            the certificate's status
     */
    record Entry(String staffUserId, String officerId, String name, String certificateNumber, String subjectId,
                 LocalDate validFrom, LocalDate validTo, CertificateStatus status) {
        public Entry {
            Objects.requireNonNull(staffUserId, "staffUserId");
            Objects.requireNonNull(officerId, "officerId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(certificateNumber, "certificateNumber");
            Objects.requireNonNull(subjectId, "subjectId");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validTo, "validTo");
            Objects.requireNonNull(status, "status");
        }
    }
}
