package cn.gov.shanwei.enforcement.cases.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One link of a procedure's full-process record (全过程记录), as stored: the event's JSON encrypted with SM4, and the
 * SM3 chain (previous hash, hash) computed over the event's canonical form; the position in the whole log is given
 * by the database on insert. Rows are inserted, never updated. Each procedure's log table maps a subclass.
 */
@MappedSuperclass
public abstract class ChainedEventRow {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Id
    private int sequence;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "payload_enc")
    private String payloadEnc;
    @Column(name = "previous_hash")
    private String previousHash;
    private String hash;
    @Column(name = "log_position", insertable = false, updatable = false)
    private Long logPosition;

    protected ChainedEventRow() {
    }

    /** A new link. */
    protected ChainedEventRow(UUID caseId, int sequence, UUID eventId, String eventType, Instant recordedAt,
                              String payloadEnc, String previousHash, String hash) {
        this.caseId = caseId;
        this.sequence = sequence;
        this.eventId = eventId;
        this.eventType = eventType;
        this.recordedAt = recordedAt;
        this.payloadEnc = payloadEnc;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    public UUID caseId() {
        return caseId;
    }

    public int sequence() {
        return sequence;
    }

    public String eventType() {
        return eventType;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String payloadEnc() {
        return payloadEnc;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    /** The position in the whole log, given by the database on insert. */
    public Long logPosition() {
        return logPosition;
    }

    /** Composite key (case, sequence) of every log table. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID caseId;
        private int sequence;

        /** For JPA. */
        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.caseId.equals(caseId) && k.sequence == sequence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, sequence);
        }
    }
}
