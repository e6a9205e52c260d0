package cn.gov.shanwei.enforcement.cases.penalty.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An evidence file as received, with the SM3 digest computed on arrival. */
@Entity
@Table(name = "penalty_evidence_file")
@IdClass(EvidenceFileEntity.Key.class)
public class EvidenceFileEntity {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Id
    @Column(name = "evidence_id")
    private String evidenceId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sm3;
    private byte[] content;
    @Column(name = "stored_at")
    private Instant storedAt;

    protected EvidenceFileEntity() {
    }

    /** A file of a case. */
    public EvidenceFileEntity(UUID caseId, String evidenceId, String fileName, String contentType, byte[] content,
                              String sm3, Instant storedAt) {
        this.caseId = caseId;
        this.evidenceId = evidenceId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content;
        this.sm3 = sm3;
        this.storedAt = storedAt;
    }

    public String evidenceId() {
        return evidenceId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sm3() {
        return sm3;
    }

    public byte[] content() {
        return content.clone();
    }

    /** Composite key (case, evidence id). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID caseId;
        private String evidenceId;

        /** For JPA. */
        public Key() {
        }

        /** The key of an evidence file. */
        public Key(UUID caseId, String evidenceId) {
            this.caseId = caseId;
            this.evidenceId = evidenceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.caseId.equals(caseId) && k.evidenceId.equals(evidenceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, evidenceId);
        }
    }
}
