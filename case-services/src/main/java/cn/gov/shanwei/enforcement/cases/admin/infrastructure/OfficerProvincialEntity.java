package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A local officer's record in the provincial 执法人员库 as the officer sync last applied it (all null when never seen
 * upstream), and since when the officer has been missing from the library.
 */
@Entity
@Table(name = "case_officer_provincial")
public class OfficerProvincialEntity {

    @Id
    @Column(name = "officer_id")
    private String officerId;
    @Column(name = "staff_user_id")
    private String staffUserId;
    @Column(name = "provincial_officer_id")
    private String provincialOfficerId;
    private String name;
    @Column(name = "certificate_number")
    private String certificateNumber;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    private String status;
    @Column(name = "seen_at")
    private Instant seenAt;
    @Column(name = "missing_since")
    private Instant missingSince;

    protected OfficerProvincialEntity() {
    }

    /** The row of a local officer not seen upstream yet. */
    public OfficerProvincialEntity(String officerId) {
        this.officerId = officerId;
    }

    /** Records the provincial values applied, seen at {@code at}; the officer is present again. */
    public void seen(String staffUser, String provincialId, String officerName, String certificate, String subject,
                     LocalDate from, LocalDate to, String certificateStatus, Instant at) {
        this.staffUserId = staffUser;
        this.provincialOfficerId = provincialId;
        this.name = officerName;
        this.certificateNumber = certificate;
        this.subjectId = subject;
        this.validFrom = from;
        this.validTo = to;
        this.status = certificateStatus;
        this.seenAt = at;
        this.missingSince = null;
    }

    /** Flags the officer as missing upstream since {@code at}. */
    public void missing(Instant at) {
        this.missingSince = at;
    }

    /** Whether the sync has applied a provincial record for this officer before. */
    public boolean everSeen() {
        return seenAt != null;
    }

    public String officerId() {
        return officerId;
    }

    public String staffUserId() {
        return staffUserId;
    }

    public String name() {
        return name;
    }

    public String certificateNumber() {
        return certificateNumber;
    }

    public String subjectId() {
        return subjectId;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public String status() {
        return status;
    }

    public Instant missingSince() {
        return missingSince;
    }
}
