package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import cn.gov.shanwei.enforcement.domain.common.PersonalDataMask;
import cn.gov.shanwei.enforcement.domain.penalty.PenaltyCase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The read row of a penalty case: what lists, filters and jurisdiction queries need, refreshed from the aggregate
 * after every command. Its {@code version} is the aggregate's optimistic lock: two commands on the same version
 * cannot both commit.
 */
@Entity
@Table(name = "penalty_case")
public class PenaltyCaseEntity {

    @Id
    private UUID id;
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
    private String stage;
    private boolean suspended;
    private boolean summary;
    @Column(name = "party_kind")
    private String partyKind;
    @Column(name = "party_name")
    private String partyName;
    @Column(name = "party_id_enc")
    private String partyIdEnc;
    @Column(name = "party_id_masked")
    private String partyIdMasked;
    /** HMAC-SM3 blind index of the normalised identifier (FieldCipher.index); null until back-filled (ADR 0530). */
    @Column(name = "party_index")
    private String partyIndex;
    /** The id of the index key that made {@code party_index} (V100; null: made before V100, not yet re-indexed). */
    @Column(name = "party_index_key")
    private String partyIndexKey;
    private String place;
    @Column(name = "discovered_on")
    private LocalDate discoveredOn;
    @Column(name = "fine_fen")
    private long fineFen;
    @Column(name = "paid_fen")
    private long paidFen;
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

    protected PenaltyCaseEntity() {
    }

    /** A new row for a case that was just opened. */
    public PenaltyCaseEntity(UUID id, String regionPath, String encryptedPartyId, LocalDate discoveredOn,
                             Instant now) {
        this.id = id;
        this.regionPath = regionPath;
        this.partyIdEnc = encryptedPartyId;
        this.discoveredOn = discoveredOn;
        this.createdAt = now;
    }

    /**
     * Copies what the lists need from the aggregate, with the chain's new head and the blind index of the party's
     * identifier (written on every write, so a row written before the index existed gets it with its next event).
     */
    public void refresh(PenaltyCase c, String newHeadHash, String partyIdIndex, String partyIdIndexKey, Instant now) {
        this.caseNumber = c.number().value();
        this.subjectId = c.subject().value();
        this.matterCode = c.matter().code().value();
        this.matterVersion = c.matter().version();
        this.matterName = c.matter().name();
        this.domain = c.matter().domain().code();
        this.stage = c.stage().name();
        this.suspended = c.isSuspended();
        this.summary = c.isSummary();
        this.partyKind = c.party().kind().name();
        this.partyName = c.party().name();
        this.partyIdMasked = PersonalDataMask.mask(c.party().idNumber());
        this.partyIndex = partyIdIndex;
        this.partyIndexKey = partyIdIndexKey;
        this.place = c.place().value();
        this.fineFen = c.fineFen();
        this.paidFen = c.paidFine();
        this.eventCount = c.version();
        this.headHash = newHeadHash;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String subjectId() {
        return subjectId;
    }

    public String regionPath() {
        return regionPath;
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

    public String domain() {
        return domain;
    }

    public String stage() {
        return stage;
    }

    public boolean suspended() {
        return suspended;
    }

    public boolean summary() {
        return summary;
    }

    public String partyKind() {
        return partyKind;
    }

    public String partyName() {
        return partyName;
    }

    public String partyIdEnc() {
        return partyIdEnc;
    }

    public String partyIdMasked() {
        return partyIdMasked;
    }

    public String partyIndex() {
        return partyIndex;
    }

    public String place() {
        return place;
    }

    public LocalDate discoveredOn() {
        return discoveredOn;
    }

    public long fineFen() {
        return fineFen;
    }

    public long paidFen() {
        return paidFen;
    }

    public int eventCount() {
        return eventCount;
    }

    public String headHash() {
        return headHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The optimistic-locking version, exposed to clients as the case's ETag. */
    public long version() {
        return version;
    }
}
