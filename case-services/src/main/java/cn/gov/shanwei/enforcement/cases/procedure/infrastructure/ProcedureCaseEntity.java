package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The read row of a coercive measure or an inspection: what lists, filters, jurisdiction and the yearly inspection
 * limit need, refreshed from the aggregate after every command. Its {@code version} is the optimistic lock.
 */
@Entity
@Table(name = "procedure_case")
public class ProcedureCaseEntity {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "procedure_type")
    private Procedure procedure;
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "region_path")
    private String regionPath;
    @Column(name = "matter_code")
    private String matterCode;
    @Column(name = "matter_version")
    private int matterVersion;
    @Column(name = "matter_name")
    private String matterName;
    private String domain;
    private String kind;
    private String stage;
    @Column(name = "party_kind")
    private String partyKind;
    @Column(name = "party_name")
    private String partyName;
    @Column(name = "party_id_enc")
    private String partyIdEnc;
    @Column(name = "party_id_masked")
    private String partyIdMasked;
    @Column(name = "party_index")
    private String partyIndex;
    /** The id of the index key that made {@code party_index} (V100; null: made before V100, not yet re-indexed). */
    @Column(name = "party_index_key")
    private String partyIndexKey;
    private String place;
    @Column(name = "opened_on")
    private LocalDate openedOn;
    @Column(name = "due_on")
    private LocalDate dueOn;
    @Column(name = "limit_year")
    private Integer limitYear;
    @Column(name = "counts_toward_limit")
    private boolean countsTowardLimit;
    @Column(name = "follow_up_case_id")
    private UUID followUpCaseId;
    @Column(name = "event_count")
    private int eventCount;
    @Column(name = "head_hash")
    private String headHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected ProcedureCaseEntity() {
    }

    /** A new row for a procedure that was just opened. */
    public ProcedureCaseEntity(UUID id, Procedure procedure, String regionPath, String encryptedPartyId,
                               String partyIndex, String partyIndexKey, Instant now) {
        this.id = id;
        this.procedure = procedure;
        this.regionPath = regionPath;
        this.partyIdEnc = encryptedPartyId;
        this.partyIndex = partyIndex;
        this.partyIndexKey = partyIndexKey;
        this.createdAt = now;
    }

    /** Copies the facts of the aggregate, with the chain's new head and length. */
    public void refresh(ProcedureFacts f, int events, String newHeadHash, Instant now) {
        this.caseNumber = f.caseNumber();
        this.subjectId = f.subjectId();
        this.matterCode = f.matter().code().value();
        this.matterVersion = f.matter().version();
        this.matterName = f.matter().name();
        this.domain = f.matter().domain().code();
        this.kind = f.kind();
        this.stage = f.stage();
        this.partyKind = f.party().kind().name();
        this.partyName = f.party().name();
        this.partyIdMasked = PersonalDataMask.mask(f.party().idNumber());
        this.place = f.place();
        this.openedOn = f.openedOn();
        this.dueOn = f.dueOn();
        this.limitYear = f.limitYear();
        this.countsTowardLimit = f.countsTowardLimit();
        this.eventCount = events;
        this.headHash = newHeadHash;
        this.updatedAt = now;
    }

    /** Links the penalty case registered from this inspection's lead. */
    public void followUp(UUID penaltyCaseId) {
        this.followUpCaseId = penaltyCaseId;
    }

    public UUID id() {
        return id;
    }

    public Procedure procedure() {
        return procedure;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String subjectId() {
        return subjectId;
    }

    public String matterCode() {
        return matterCode;
    }

    public int matterVersion() {
        return matterVersion;
    }

    public String matterName() {
        return matterName;
    }

    public String kind() {
        return kind;
    }

    public String stage() {
        return stage;
    }

    public String partyKind() {
        return partyKind;
    }

    public String partyName() {
        return partyName;
    }

    public String partyIdMasked() {
        return partyIdMasked;
    }

    public String place() {
        return place;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public UUID followUpCaseId() {
        return followUpCaseId;
    }

    public int eventCount() {
        return eventCount;
    }

    public String headHash() {
        return headHash;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-locking version, exposed to clients as the ETag. */
    public long version() {
        return version;
    }
}
