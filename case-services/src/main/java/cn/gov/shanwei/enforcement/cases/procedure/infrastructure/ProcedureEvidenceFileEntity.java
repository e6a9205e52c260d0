package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import cn.gov.shanwei.enforcement.cases.penalty.infrastructure.EvidenceFileEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An evidence file of a coercive measure or an inspection as received, with the SM3 digest computed on arrival
 * (table {@code procedure_evidence_file}, V76; key as the penalty case's evidence files).
 */
@Entity
@Table(name = "procedure_evidence_file")
@IdClass(EvidenceFileEntity.Key.class)
public class ProcedureEvidenceFileEntity {

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

    protected ProcedureEvidenceFileEntity() {
    }

    /** A file of procedure {@code caseId}. */
    public ProcedureEvidenceFileEntity(UUID caseId, String evidenceId, String fileName, String contentType,
                                       byte[] content, String sm3, Instant storedAt) {
        this.caseId = caseId;
        this.evidenceId = evidenceId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = content.length;
        this.content = content.clone();
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

    /** The SM3 digest computed on arrival (hex). */
    public String sm3() {
        return sm3;
    }

    public byte[] content() {
        return content.clone();
    }

    public Instant storedAt() {
        return storedAt;
    }
}
