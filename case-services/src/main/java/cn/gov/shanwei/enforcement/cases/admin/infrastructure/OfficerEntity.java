package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.cases.access.StaffRole;
import cn.gov.shanwei.enforcement.domain.officer.CertificateStatus;
import cn.gov.shanwei.enforcement.domain.officer.EnforcementCertificate;
import cn.gov.shanwei.enforcement.domain.officer.Officer;
import cn.gov.shanwei.enforcement.domain.officer.OfficerId;
import cn.gov.shanwei.enforcement.domain.subject.SubjectId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An officer (执法人员) row with its certificate and staff roles; identity number and phone are SM4-encrypted. */
@Entity
@Table(name = "case_officer")
public class OfficerEntity {

    @Id
    private String id;
    private String name;
    @Column(name = "subject_id")
    private String subjectId;
    private String roles;
    @Column(name = "staff_user_id")
    private String staffUserId;
    @Column(name = "id_number_enc")
    private String idNumberEnc;
    @Column(name = "phone_enc")
    private String phoneEnc;
    @Column(name = "certificate_number")
    private String certificateNumber;
    @Column(name = "certificate_domains")
    private String certificateDomains;
    @Column(name = "certificate_valid_from")
    private LocalDate certificateValidFrom;
    @Column(name = "certificate_valid_to")
    private LocalDate certificateValidTo;
    @Column(name = "certificate_status")
    private String certificateStatus;
    @Version
    private long version;

    protected OfficerEntity() {
    }

    /** A row for a new officer. */
    public OfficerEntity(Officer officer) {
        this.id = officer.id().value();
        update(officer);
    }

    /** Replaces name, subject and certificate. */
    public final void update(Officer officer) {
        this.name = officer.name();
        this.subjectId = officer.subject().value();
        EnforcementCertificate c = officer.certificate();
        this.certificateNumber = c.number();
        this.certificateDomains = SubjectEntity.joinDomains(c.domains());
        this.certificateValidFrom = c.validFrom();
        this.certificateValidTo = c.validTo();
        this.certificateStatus = c.status().name();
    }

    /** Sets roles, the unified-identity user id and the encrypted personal data. */
    public void staffData(Set<StaffRole> newRoles, String newStaffUserId, String encryptedIdNumber,
                          String encryptedPhone) {
        this.roles = newRoles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.staffUserId = newStaffUserId;
        this.idNumberEnc = encryptedIdNumber;
        this.phoneEnc = encryptedPhone;
    }

    /** The officer as the domain knows it. */
    public Officer toDomain() {
        return new Officer(new OfficerId(id), name, new SubjectId(subjectId), new EnforcementCertificate(
                certificateNumber, SubjectEntity.splitDomains(certificateDomains), certificateValidFrom,
                certificateValidTo, CertificateStatus.valueOf(certificateStatus)));
    }

    /** The staff roles. */
    public Set<StaffRole> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class)
                : Arrays.stream(roles.split(",")).map(StaffRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
    }

    /** The user id in the unified-identity service, if linked. */
    public String staffUserId() {
        return staffUserId;
    }

    /** The encrypted 身份证号. */
    public String idNumberEnc() {
        return idNumberEnc;
    }

    /** The encrypted phone number. */
    public String phoneEnc() {
        return phoneEnc;
    }

    /** The optimistic-locking version. */
    public long version() {
        return version;
    }
}
