package cn.gov.shanwei.enforcement.cases.procedure.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A 双随机 draw of an inspection plan (table {@code inspection_draw}, V78): what identifies it readable, the full
 * record SM4-encrypted with the SM3 of its plain JSON. Written once, never changed.
 */
@Entity
@Table(name = "inspection_draw")
public class InspectionDrawEntity {

    @Id
    private UUID id;
    @Column(name = "draw_number")
    private String drawNumber;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "region_path")
    private String regionPath;
    @Column(name = "item_code")
    private String itemCode;
    @Column(name = "item_version")
    private int itemVersion;
    @Column(name = "planned_on")
    private LocalDate plannedOn;
    private String algorithm;
    private String seed;
    @Column(name = "entity_pool_sm3")
    private String entityPoolSm3;
    @Column(name = "pool_size")
    private int poolSize;
    @Column(name = "entity_count")
    private int entityCount;
    @Column(name = "inspectors_per_entity")
    private int inspectorsPerEntity;
    @Column(name = "record_enc")
    private String recordEnc;
    @Column(name = "record_sm3")
    private String recordSm3;
    @Column(name = "drawn_by")
    private String drawnBy;
    @Column(name = "drawn_at")
    private Instant drawnAt;

    protected InspectionDrawEntity() {
    }

    /** A draw as made. */
    public InspectionDrawEntity(UUID id, String drawNumber, String subjectId, String regionPath, String itemCode,
                                int itemVersion, LocalDate plannedOn, String algorithm, String seed,
                                String entityPoolSm3, int poolSize, int entityCount, int inspectorsPerEntity,
                                String recordEnc, String recordSm3, String drawnBy, Instant drawnAt) {
        this.id = id;
        this.drawNumber = drawNumber;
        this.subjectId = subjectId;
        this.regionPath = regionPath;
        this.itemCode = itemCode;
        this.itemVersion = itemVersion;
        this.plannedOn = plannedOn;
        this.algorithm = algorithm;
        this.seed = seed;
        this.entityPoolSm3 = entityPoolSm3;
        this.poolSize = poolSize;
        this.entityCount = entityCount;
        this.inspectorsPerEntity = inspectorsPerEntity;
        this.recordEnc = recordEnc;
        this.recordSm3 = recordSm3;
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    public UUID id() {
        return id;
    }

    public String drawNumber() {
        return drawNumber;
    }

    public String subjectId() {
        return subjectId;
    }

    public String itemCode() {
        return itemCode;
    }

    public int itemVersion() {
        return itemVersion;
    }

    public LocalDate plannedOn() {
        return plannedOn;
    }

    public String algorithm() {
        return algorithm;
    }

    public String seed() {
        return seed;
    }

    public String entityPoolSm3() {
        return entityPoolSm3;
    }

    public int poolSize() {
        return poolSize;
    }

    public int entityCount() {
        return entityCount;
    }

    public int inspectorsPerEntity() {
        return inspectorsPerEntity;
    }

    public String recordEnc() {
        return recordEnc;
    }

    public String recordSm3() {
        return recordSm3;
    }

    public String drawnBy() {
        return drawnBy;
    }

    public Instant drawnAt() {
        return drawnAt;
    }
}
