package cn.gov.shanwei.enforcement.cases.admin.infrastructure;

import cn.gov.shanwei.enforcement.domain.common.TextCut;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A conflict of the officer sync, once per fingerprint (officer, kind and what was found). */
@Entity
@Table(name = "case_officer_sync_conflict")
public class OfficerSyncConflictEntity {

    @Id
    private String fingerprint;
    @Column(name = "officer_id")
    private String officerId;
    @Column(name = "conflict_kind")
    private String conflictKind;
    private String detail;
    @Column(name = "found_at")
    private Instant foundAt;

    protected OfficerSyncConflictEntity() {
    }

    /** A conflict found at {@code foundAt}; {@code detail} is cut to the column's 2000 characters. */
    public OfficerSyncConflictEntity(String fingerprint, String officerId, String conflictKind, String detail,
                                     Instant foundAt) {
        this.fingerprint = fingerprint;
        this.officerId = officerId;
        this.conflictKind = conflictKind;
        this.detail = TextCut.withEllipsis(detail, 2000);
        this.foundAt = foundAt;
    }

    public String officerId() {
        return officerId;
    }

    public String conflictKind() {
        return conflictKind;
    }

    public String detail() {
        return detail;
    }

    public Instant foundAt() {
        return foundAt;
    }
}
